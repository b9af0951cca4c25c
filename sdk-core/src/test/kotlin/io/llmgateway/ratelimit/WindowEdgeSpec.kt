package io.llmgateway.ratelimit

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.time.Duration
import java.time.Instant

/** Requests cleared near a window's end may arrive after it: they count against the next one. */
class WindowEdgeSpec :
  FunSpec({
    val reset = Instant.parse("2026-03-20T12:00:02Z") // a 2 s window ends here
    val margin = Duration.ofMillis(100)
    val config =
      RateLimitConfig.custom()
        .requestsPerWindow(10)
        .window(Duration.ofSeconds(2))
        .edgeMargin(margin)
        .build()

    test("a request cleared within the margin of the end is charged to the next window too") {
      val limiter = RateLimiter.of(config)
      val early = reset.minusMillis(500)
      repeat(4) { limiter.reserve(0, early, null).isGranted shouldBe true }
      val late = reset.minusMillis(60)
      repeat(3) { limiter.reserve(0, late, null).isGranted shouldBe true }
      limiter.state(late).requests() shouldBe RateWindow(10, 3, reset, 3)
      // the next window starts with the three that may land in it already spent
      limiter.state(reset).requests() shouldBe RateWindow(10, 7, reset.plusSeconds(2))
      // two windows on, nothing carries over
      limiter.state(reset.plusSeconds(2)).requests().remaining() shouldBe 10
    }

    test("near the end, a request the next window cannot take waits for the reset") {
      val limiter = RateLimiter.of(config)
      val late = reset.minusMillis(50)
      repeat(10) { limiter.reserve(0, late, null).isGranted shouldBe true }
      val r = limiter.reserve(0, late, null)
      r.status() shouldBe Reservation.Status.WAIT
      r.delay() shouldBe Duration.ofMillis(50)
      // the ten cleared at the edge filled the next window: wait for the one after
      limiter.reserve(0, reset, null).delay() shouldBe Duration.ofSeconds(2)
    }

    test("the same window, cleared well before the end, leaves the next window whole") {
      val limiter = RateLimiter.of(config)
      repeat(10) { limiter.reserve(0, reset.minusMillis(101), null).isGranted shouldBe true }
      limiter.state(reset).requests().remaining() shouldBe 10
    }

    test(
      "the learnt margin is 50 ms plus the fastest recent attempt, at most a tenth of the window"
    ) {
      val learnt = RateLimiter.of(RateLimitConfig.custom().window(Duration.ofSeconds(2)).build())
      learnt.edgeMargin() shouldBe Duration.ofMillis(50)
      repeat(20) { learnt.observeLatency(Duration.ofMillis(2)) }
      learnt.edgeMargin() shouldBe Duration.ofMillis(52)
      repeat(31) { learnt.observeLatency(Duration.ofMillis(40)) }
      learnt.edgeMargin() shouldBe Duration.ofMillis(52) // one fast attempt is still recent
      learnt.observeLatency(Duration.ofMillis(40))
      learnt.edgeMargin() shouldBe Duration.ofMillis(90)
      repeat(32) { learnt.observeLatency(Duration.ofSeconds(30)) } // long LLM answers only
      learnt.edgeMargin() shouldBe Duration.ofMillis(200)
      val fixed = RateLimiter.of(config)
      fixed.observeLatency(Duration.ofSeconds(1))
      fixed.edgeMargin() shouldBe margin
    }
    test("a store with only get and compareAndSet gives the same answers as the in-memory one") {
      val inner = RateLimitStore.inMemory()
      val casOnly =
        object : RateLimitStore {
          override fun get(key: String) = inner.get(key)

          override fun compareAndSet(key: String, expected: RateLimitState?, next: RateLimitState) =
            inner.compareAndSet(key, expected, next)
        }
      val a = RateLimiter.of(config, casOnly, "k")
      val b = RateLimiter.of(config)
      var now = reset.minusMillis(1_500)
      repeat(40) {
        a.reserve(3, now, null).status() shouldBe b.reserve(3, now, null).status()
        now = now.plusMillis(37)
      }
      a.state(now) shouldBe b.state(now)
    }
  })
