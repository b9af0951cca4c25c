package io.llmgateway.pipeline

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import java.time.Duration

class EndpointAndTimeoutsSpec :
  FunSpec({
    test("endpoints are open values, equal by id whatever the case") {
      Endpoint.of("Chat.Completions") shouldBe Endpoint.CHAT_COMPLETIONS
      Endpoint.of("embeddings").id() shouldBe "embeddings"
      Endpoint.of("embeddings") shouldNotBe Endpoint.MODELS
      Endpoint.JOBS_CREATE.name() shouldBe "POST /api/jobs/create"
      shouldThrow<IllegalArgumentException> { Endpoint.of(" ") }
    }

    test("unknown streaming endpoints get the stream timeout, others the default") {
      val t = Timeouts.custom().streamTimeout(Duration.ofSeconds(300)).build()
      t.timeoutFor(Endpoint.streaming("audio.stream", "audio")) shouldBe Duration.ofSeconds(300)
      t.timeoutFor(Endpoint.of("embeddings")) shouldBe Duration.ofSeconds(30)
      Timeouts.ofDefaults().timeoutFor(Endpoint.CHAT_COMPLETIONS_STREAM) shouldBe
        Duration.ofSeconds(120)
      shouldThrow<IllegalArgumentException> {
        Timeouts.custom().defaultTimeout(Duration.ZERO).build()
      }
    }

    test("newCall fixes request id, timeout and deadline for loops other than the blocking one") {
      val h = Harness(configure = { deadline(Duration.ofSeconds(90)).requestIds { "fixed-id" } })
      val call = h.executor.newCall(Endpoint.JOBS_COMPLETE, CallOptions.defaults())
      call.requestId() shouldBe "fixed-id"
      call.attemptTimeout() shouldBe Duration.ofSeconds(30)
      Duration.between(call.startedAt(), call.deadline()) shouldBe Duration.ofSeconds(90)
      val own = CallOptions.builder().deadline(Duration.ofSeconds(5)).build()
      h.executor.newCall(Endpoint.JOBS_COMPLETE, own).let {
        Duration.between(it.startedAt(), it.deadline()) shouldBe Duration.ofSeconds(5)
      }
      h.executor.tokenEstimate(CallOptions.builder().requestBytes(4_001).build()) shouldBe 1_001
    }
  })
