package io.llmgateway.ratelimit

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.FakeClock
import java.time.Duration
import java.time.Instant

class RateLimiterSpec :
  FunSpec({
    val start = Instant.parse("2026-03-20T12:00:00Z")

    fun snapshot(
      limit: Long? = null,
      remaining: Long? = null,
      reset: Instant? = null,
      tokenLimit: Long? = null,
      tokensRemaining: Long? = null,
      tokensReset: Instant? = null,
    ) = RateLimitSnapshot(limit, remaining, reset, tokenLimit, tokensRemaining, tokensReset)

    test("HiveOps static limits grant 60 requests a minute, then wait for the next window") {
      val clock = FakeClock(start.plusSeconds(20))
      val limiter = RateLimiter.of(RateLimitConfig.hiveOps())
      repeat(60) { limiter.reserve(100, clock.instant(), null).isGranted shouldBe true }
      val r = limiter.reserve(100, clock.instant(), null)
      r.status() shouldBe Reservation.Status.WAIT
      r.delay() shouldBe Duration.ofSeconds(40) // the window is aligned to the minute
      clock.advance(r.delay())
      limiter.reserve(100, clock.instant(), null).isGranted shouldBe true
    }

    test("fails fast when the window opens only after the deadline") {
      val clock = FakeClock(start)
      val limiter = RateLimiter.of(RateLimitConfig.custom().requestsPerWindow(1).build())
      limiter.reserve(0, clock.instant(), null).isGranted shouldBe true
      val r = limiter.reserve(0, clock.instant(), clock.instant().plusSeconds(30))
      r.status() shouldBe Reservation.Status.WOULD_EXCEED_DEADLINE
      r.delay() shouldBe Duration.ofSeconds(60)
    }

    test("tokens throttle too, and a request larger than the limit fits a fresh window") {
      val clock = FakeClock(start)
      val limiter = RateLimiter.of(RateLimitConfig.hiveOps())
      limiter.reserve(100_000, clock.instant(), null).isGranted shouldBe true
      limiter.reserve(60_000, clock.instant(), null).status() shouldBe Reservation.Status.WAIT
      limiter.reserve(50_000, clock.instant(), null).isGranted shouldBe true
      clock.advance(Duration.ofMinutes(1))
      limiter.reserve(400_000, clock.instant(), null).isGranted shouldBe true
      limiter.state(clock.instant()).tokens().remaining() shouldBe 0
    }

    test("adopts remaining and reset from the headers: min(local, server)") {
      val clock = FakeClock(start.plusSeconds(10))
      val limiter = RateLimiter.of(RateLimitConfig.hiveOps())
      limiter.reserve(0, clock.instant(), null)
      val reset = start.plusSeconds(30)
      limiter.observe(snapshot(limit = 60, remaining = 2, reset = reset), clock.instant())
      limiter.state(clock.instant()).requests() shouldBe RateWindow(60, 2, reset)
      limiter.observe(snapshot(remaining = 40, reset = reset), clock.instant())
      limiter.state(clock.instant()).requests().remaining() shouldBe 2
      repeat(2) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
      limiter.reserve(0, clock.instant(), null).delay() shouldBe Duration.ofSeconds(20)
      clock.advance(Duration.ofSeconds(20))
      // the next window follows the server's cadence: 12:00:30 + 60 s
      limiter.state(clock.instant()).requests() shouldBe RateWindow(60, 60, start.plusSeconds(90))
    }

    test("learns a limit from headers when none was configured") {
      val clock = FakeClock(start)
      val limiter = RateLimiter.ofDefaults()
      repeat(100) { limiter.reserve(10, clock.instant(), null).isGranted shouldBe true }
      limiter.observe(
        snapshot(limit = 60, remaining = 0, reset = start.plusSeconds(5)),
        clock.instant(),
      )
      limiter.reserve(10, clock.instant(), null).delay() shouldBe Duration.ofSeconds(5)
    }

    test("requests sent before the first headers count against the window the headers describe") {
      val clock = FakeClock(start.plusSeconds(1))
      val limiter = RateLimiter.ofDefaults()
      // Eight threads send at once, blind; the first answer was counted first by the server.
      repeat(8) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
      limiter.observe(
        snapshot(limit = 60, remaining = 59, reset = start.plusSeconds(60)),
        clock.instant(),
      )
      limiter.state(clock.instant()).requests() shouldBe RateWindow(60, 52, start.plusSeconds(60))
      repeat(52) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
      limiter.reserve(0, clock.instant(), null).delay() shouldBe Duration.ofSeconds(59)
    }

    test("blind requests of an earlier window do not count against a later one") {
      val clock = FakeClock(start.plusSeconds(1))
      val limiter = RateLimiter.ofDefaults()
      repeat(8) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
      clock.advance(Duration.ofSeconds(70))
      limiter.observe(
        snapshot(limit = 60, remaining = 59, reset = start.plusSeconds(120)),
        clock.instant(),
      )
      limiter.state(clock.instant()).requests().remaining() shouldBe 59
    }

    test("a reset already past tells nothing about the current window") {
      val clock = FakeClock(start.plusSeconds(70))
      val limiter = RateLimiter.of(RateLimitConfig.hiveOps())
      limiter.observe(
        snapshot(limit = 60, remaining = 0, reset = start.plusSeconds(60)),
        clock.instant(),
      )
      limiter.reserve(0, clock.instant(), null).isGranted shouldBe true
    }

    test("headers are ignored when learning is off") {
      val clock = FakeClock(start)
      val limiter = RateLimiter.of(RateLimitConfig.unlimited())
      limiter.observe(
        snapshot(limit = 1, remaining = 0, reset = start.plusSeconds(30)),
        clock.instant(),
      )
      limiter.reserve(0, clock.instant(), null).isGranted shouldBe true
    }

    test("recordUsage refunds an overestimate and charges an overrun") {
      val clock = FakeClock(start)
      val limiter = RateLimiter.of(RateLimitConfig.hiveOps())
      val r = limiter.reserve(10_000, clock.instant(), null)
      limiter.state(clock.instant()).tokens().remaining() shouldBe 140_000
      limiter.recordUsage(r, 4_000, clock.instant())
      limiter.state(clock.instant()).tokens().remaining() shouldBe 146_000
      val r2 = limiter.reserve(1_000, clock.instant(), null)
      limiter.recordUsage(r2, 6_000, clock.instant())
      limiter.state(clock.instant()).tokens().remaining() shouldBe 140_000
    }

    test("release gives back an unsent reservation") {
      val clock = FakeClock(start)
      val limiter = RateLimiter.of(RateLimitConfig.hiveOps())
      val r = limiter.reserve(500, clock.instant(), null)
      limiter.release(r, clock.instant())
      limiter.state(clock.instant()).requests().remaining() shouldBe 60
      limiter.state(clock.instant()).tokens().remaining() shouldBe 150_000
    }

    test("limiters that share a store and key share the window") {
      val clock = FakeClock(start)
      val store = RateLimitStore.inMemory()
      val config = RateLimitConfig.custom().requestsPerWindow(10).build()
      val a = RateLimiter.of(config, store, "key-1")
      val b = RateLimiter.of(config, store, "key-1")
      val other = RateLimiter.of(config, store, "key-2")
      repeat(5) {
        a.reserve(0, clock.instant(), null).isGranted shouldBe true
        b.reserve(0, clock.instant(), null).isGranted shouldBe true
      }
      a.reserve(0, clock.instant(), null).isGranted shouldBe false
      other.reserve(0, clock.instant(), null).isGranted shouldBe true
    }

    test("token estimate is bytes / 4, rounded up") {
      val limiter = RateLimiter.ofDefaults()
      limiter.estimateTokens(0) shouldBe 0
      limiter.estimateTokens(1) shouldBe 1
      limiter.estimateTokens(4_000) shouldBe 1_000
    }
  })
