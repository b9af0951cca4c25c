package io.llmgateway.ratelimit

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.longs.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.llmgateway.internal.call.AttemptContext
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.pipeline.Errors
import io.llmgateway.pipeline.FakeClock
import io.llmgateway.pipeline.Harness
import io.llmgateway.retry.RetryPolicy
import java.time.Duration
import java.time.Instant

/**
 * A gateway's fixed rate windows, as the server counts them: windows of one minute starting at
 * [origin]. Answers 429 past the limit, and reports X-RateLimit-* like HiveOps does.
 */
private class FakeGatewayWindows(
  private val clock: FakeClock,
  private val origin: Instant,
  private val requestLimit: Long = 60,
  private val tokenLimit: Long = 150_000,
) {
  val requestsPerWindow = sortedMapOf<Long, Int>()
  val tokensPerWindow = sortedMapOf<Long, Long>()
  var rejected = 0

  fun call(ctx: AttemptContext, tokens: Long): String {
    val now = clock.instant()
    val window = Duration.between(origin, now).toMillis().floorDiv(60_000L)
    val reset = origin.plusSeconds(60 * (window + 1))
    val used = requestsPerWindow.getOrDefault(window, 0) + 1
    val usedTokens = tokensPerWindow.getOrDefault(window, 0L) + tokens
    if (used > requestLimit || usedTokens > tokenLimit) {
      rejected++
      throw Errors.rateLimited(
        rateLimit = RateLimitSnapshot(requestLimit, 0, reset, tokenLimit, 0, reset)
      )
    }
    requestsPerWindow[window] = used
    tokensPerWindow[window] = usedTokens
    ctx.observe(
      RateLimitSnapshot(
        requestLimit,
        requestLimit - used,
        reset,
        tokenLimit,
        tokenLimit - usedTokens,
        reset,
      )
    )
    ctx.recordUsage(tokens)
    return "ok"
  }
}

class ThrottleBurstSpec :
  FunSpec({
    test(
      "a 1,000-call burst with HiveOps static limits never exceeds 60 a minute and never fails"
    ) {
      val h = Harness(retry = RetryPolicy.none(), rateLimit = RateLimitConfig.hiveOps())
      val server = FakeGatewayWindows(h.clock, h.clock.instant())
      val options = CallOptions.builder().estimatedTokens(1_000).build()
      repeat(1_000) { h.run(options = options) { server.call(it, 1_000) } shouldBe "ok" }
      server.rejected shouldBe 0
      server.requestsPerWindow.values.sum() shouldBe 1_000
      server.requestsPerWindow.values.forEach { it shouldBeLessThanOrEqual 60 }
      server.requestsPerWindow.size shouldBe 17 // ceil(1000 / 60) full windows, no gaps
      val stats = h.executor.metrics().snapshot().total()
      stats.failures() shouldBe 0
      stats.throttleWaits() shouldBe 16
    }

    test("a burst bound by tokens keeps each window under 150,000 tokens") {
      val h = Harness(retry = RetryPolicy.none(), rateLimit = RateLimitConfig.hiveOps())
      val server = FakeGatewayWindows(h.clock, h.clock.instant())
      // 40,000 bytes estimate 10,000 tokens; the response reports 7,000 used
      val options = CallOptions.builder().requestBytes(40_000).build()
      repeat(300) { h.run(options = options) { server.call(it, 7_000) } }
      server.rejected shouldBe 0
      server.tokensPerWindow.values.forEach { it shouldBeLessThanOrEqual 150_000L }
      server.requestsPerWindow.values.max() shouldBe 21 // refunds let 21 fit, not just 15
    }

    test("learning from headers alone, a burst against misaligned server windows gets no 429") {
      val h = Harness(retry = RetryPolicy.none())
      val origin = h.clock.instant().minusSeconds(43) // the server's windows end at :17
      val server = FakeGatewayWindows(h.clock, origin)
      val failures = mutableListOf<Throwable>()
      repeat(500) {
        try {
          h.run { server.call(it, 0) }
        } catch (e: RuntimeException) {
          failures += e
        }
      }
      failures.shouldBeEmpty()
      server.rejected shouldBe 0
      server.requestsPerWindow.values.forEach { it shouldBeLessThanOrEqual 60 }
    }
  })
