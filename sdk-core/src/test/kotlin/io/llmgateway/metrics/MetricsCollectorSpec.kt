package io.llmgateway.metrics

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.longs.shouldBeInRange
import io.kotest.matchers.shouldBe
import io.llmgateway.circuit.CircuitState
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.Errors
import io.llmgateway.pipeline.Harness
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.retry.RetryPolicy
import java.time.Duration

class MetricsCollectorSpec :
  FunSpec({
    test("counts calls, outcomes by error type, attempts, retries and error rate per endpoint") {
      val h = Harness()
      h.run { "ok" }
      h.run { if (it.attempt() == 1) throw Errors.unavailable() else "ok" }
      shouldThrow<LlmGatewayException> { h.run { throw Errors.badRequest() } }
      shouldThrow<LlmGatewayException> { h.run { throw Errors.rateLimited() } }
      h.run(Endpoint.MODELS) { "models" }

      val snap = h.executor.metrics().snapshot()
      val chat = snap.endpoint("chat.completions")!!
      chat.requests() shouldBe 4
      chat.successes() shouldBe 2
      chat.failures() shouldBe 2
      chat.failuresByType() shouldBe
        mapOf("BadRequestException" to 1L, "RateLimitedException" to 1L)
      chat.attempts() shouldBe 1 + 2 + 1 + 3
      chat.retries() shouldBe 1 + 2
      chat.errorRate() shouldBe 0.5
      snap.endpoint("models.list")!!.requests() shouldBe 1
      snap.total().requests() shouldBe 5
      snap.total().successes() shouldBe 3
      snap.total().errorRate() shouldBe (0.4 plusOrMinus 1e-9)
    }

    test("latency average and percentiles come from the histogram") {
      val h = Harness()
      for (ms in 1L..100L) {
        h.run {
          h.clock.advance(Duration.ofMillis(ms))
          "ok"
        }
      }
      val latency = h.executor.metrics().snapshot().endpoint("chat.completions")!!.latency()
      latency.count() shouldBe 100
      latency.average().toMillis() shouldBeInRange 50L..51L
      latency.p50().toMillis() shouldBe 50
      latency.p95().toMillis() shouldBe 95
      latency.p99().toMillis() shouldBe 99
      latency.max().toMillis() shouldBe 100
    }

    test("throttle waits and circuit state are reported") {
      val h =
        Harness(
          retry = RetryPolicy.none(),
          rateLimit = RateLimitConfig.custom().requestsPerWindow(2).build(),
        )
      repeat(3) { h.run { "ok" } }
      repeat(5) { shouldThrow<LlmGatewayException> { h.run { throw Errors.internal() } } }
      val chat = h.executor.metrics().snapshot().endpoint("chat.completions")!!
      chat.throttleWaits() shouldBe 3
      chat.throttleWaitTime() shouldBe Duration.ofMinutes(3)
      chat.circuitState() shouldBe CircuitState.OPEN
      chat.failuresByType() shouldBe mapOf("InternalServerException" to 5L)
    }

    test("an empty collector has zero counts and an empty latency") {
      val snap = MetricsCollector().snapshot()
      snap.endpoints() shouldBe emptyMap()
      snap.total().requests() shouldBe 0
      snap.total().errorRate() shouldBe 0.0
      snap.total().latency() shouldBe LatencyStats.EMPTY
    }
  })
