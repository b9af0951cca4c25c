package io.llmgateway.ratelimit

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.internal.http.HeaderLookup
import java.time.Duration
import java.time.Instant

/** No single response can shut the throttle: resets are believed only within a horizon. */
class ResetHorizonSpec :
  FunSpec({
    val now = Instant.parse("2026-03-20T12:00:20Z")

    fun snapshot(vararg headers: Pair<String, String>) =
      RateLimitSnapshot.parse(
        HeaderLookup.of(headers.associate { it.first to listOf(it.second) }),
        now,
      )

    test("remaining 0 with a reset ten years ahead is not believed: the next call is cleared") {
      val limiter = RateLimiter.of(RateLimitConfig.hiveOps())
      limiter.observe(
        snapshot(
          "X-RateLimit-Limit-Requests" to "60",
          "X-RateLimit-Remaining-Requests" to "0",
          "X-RateLimit-Reset-Requests" to "2036-03-20T12:00:00Z",
        ),
        now,
      )
      limiter.reserve(0, now, null).isGranted shouldBe true
    }

    test("a reset in epoch milliseconds is a moment a few seconds ahead, believed") {
      val limiter = RateLimiter.of(RateLimitConfig.hiveOps())
      val reset = now.plusSeconds(5)
      limiter.observe(
        snapshot(
          "X-RateLimit-Remaining-Requests" to "0",
          "X-RateLimit-Reset-Requests" to "${reset.toEpochMilli()}",
        ),
        now,
      )
      limiter.reserve(0, now, null).delay() shouldBe Duration.ofSeconds(5)
    }

    test("an unreadable reset makes its remaining unknown too") {
      val s =
        snapshot(
          "X-RateLimit-Remaining-Requests" to "0",
          "X-RateLimit-Reset-Requests" to "soon",
          "X-RateLimit-Remaining-Tokens" to "0",
          "X-RateLimit-Reset-Tokens" to "12:30",
        )
      s.remainingRequests() shouldBe null
      s.remainingTokens() shouldBe null
      val limiter = RateLimiter.of(RateLimitConfig.hiveOps())
      limiter.observe(s, now)
      limiter.reserve(0, now, null).isGranted shouldBe true
    }

    test("the horizon is three windows by default and configurable") {
      RateLimitConfig.hiveOps().resetHorizon() shouldBe Duration.ofMinutes(3)
      val short = RateLimitConfig.hiveOps().toBuilder().resetHorizon(Duration.ofMinutes(1)).build()
      val limiter = RateLimiter.of(short)
      limiter.observe(RateLimitSnapshot(60, 0, now.plusSeconds(90), null, null, null), now)
      limiter.reserve(0, now, null).isGranted shouldBe true
      val default = RateLimiter.of(RateLimitConfig.hiveOps())
      default.observe(RateLimitSnapshot(60, 0, now.plusSeconds(90), null, null, null), now)
      default.reserve(0, now, null).delay() shouldBe Duration.ofSeconds(90)
    }

    test("Retry-After wins over the throttle's guess when an exhausted window has no reset") {
      val limiter = RateLimiter.of(RateLimitConfig.hiveOps())
      val exhausted = RateLimitSnapshot(60, 0, null, null, null, null)
      limiter.observe(exhausted, now, Duration.ofSeconds(1))
      limiter.reserve(0, now, null).delay() shouldBe Duration.ofSeconds(1)
      limiter.reserve(0, now.plusSeconds(1), null).isGranted shouldBe true
      // without the hint, the guess is the end of the local one-minute window
      val guessing = RateLimiter.of(RateLimitConfig.hiveOps())
      guessing.observe(exhausted, now)
      guessing.reserve(0, now, null).delay() shouldBe Duration.ofSeconds(40)
    }
  })
