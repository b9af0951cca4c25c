package io.llmgateway.jobs

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Latency
import io.llmgateway.testing.fault.Fault
import java.time.Clock
import java.time.Duration

/**
 * The job client against a gateway that takes longer than OkHttp's 10 s default, on the real clock
 * (the fake's latency): the endpoint timeouts the SDK promises must govern, not OkHttp's.
 */
class SlowGatewaySpec :
  FunSpec({
    // CLIENT BUG found with the fake's latency (issue 19): the first llm-call attempt ends after
    // exactly 10 s, OkHttp's default read timeout, not the 60 s llm-call timeout the SDK promises;
    // the client then retries, so the non-idempotent llm-call reaches the gateway twice (two call
    // rows, the provider billed twice). Disabled until the job client is fixed; it passes then:
    // it passes against main at 48530e9 ("the SDK's timeouts, not OkHttp's, end calls"), so enable
    // it when this branch meets main.
    test("an llm-call answered after 11 s succeeds under the 60 s timeout, sent once").config(
      enabled = false
    ) {
      FakeGateway.builder().clock(Clock.systemUTC()).start().use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("slow")).jobId()
        gateway
          .faults()
          .on("POST", "/api/jobs/*/llm-call")
          .next(Fault.pass().withLatency(Latency.of(Duration.ofSeconds(11), Duration.ZERO)))
        client.llmCall(job, question()).content() shouldStartWith "Fake reply to:"
        gateway.requestsTo("POST", "/llm-call") shouldBe 1
        gateway.state().job(job).calls().size shouldBe 1
      }
    }
  })
