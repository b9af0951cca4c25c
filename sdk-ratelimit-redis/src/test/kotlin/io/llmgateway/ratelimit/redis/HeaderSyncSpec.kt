package io.llmgateway.ratelimit.redis

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.error.ThrottledException
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimitSnapshot
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.ratelimit.Reservation
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import java.time.Duration
import java.time.Instant

/** What one instance learns from `X-RateLimit-*` headers holds for every instance. */
class HeaderSyncSpec :
  FunSpec({
    fun store(config: RedisRateLimitConfig, clock: FakeClock) =
      RedisRateLimitStore.connect(config, clock)

    test("instance A observes remaining=0 with a reset: instance B waits for it or fails fast")
      .config(enabledOrReasonIf = TestRedis.shared) {
        val clock = FakeClock(Instant.parse("2026-03-20T12:29:15Z"))
        val config = TestRedis.config()
        store(config, clock).use { storeA ->
          store(config, clock).use { storeB ->
            val a = RateLimiter.of(RateLimitConfig.hiveOps(), storeA, "hiveops:team")
            val b = RateLimiter.of(RateLimitConfig.hiveOps(), storeB, "hiveops:team")
            val reset = Instant.parse("2026-03-20T12:29:45Z")
            a.observe(RateLimitSnapshot(60, 0, reset, null, null, null), clock.instant())

            val waits = b.reserve(0, clock.instant(), null)
            waits.status() shouldBe Reservation.Status.WAIT
            waits.delay() shouldBe Duration.ofSeconds(30)
            b.reserve(0, clock.instant(), clock.instant().plusSeconds(5)).status() shouldBe
              Reservation.Status.WOULD_EXCEED_DEADLINE
            clock.advance(Duration.ofSeconds(30))
            b.reserve(0, clock.instant(), null).isGranted shouldBe true
          }
        }
      }

    test("over HTTP: A's answers spend the window, B waits for the reset and draws no 429").config(
      enabledOrReasonIf = TestRedis.shared
    ) {
      val clock = FakeClock(Instant.parse("2026-03-20T12:29:15Z"))
      val config = TestRedis.config()
      // The gateway allows 3 a minute; both instances only know HiveOps' documented 60.
      FakeGateway.builder().clock(clock).hiveOpsLimits(3, 150_000).start().use { gateway ->
        store(config, clock).use { storeA ->
          store(config, clock).use { storeB ->
            val sleeps = mutableListOf<Duration>()
            val sleeper = Sleeper {
              sleeps += it
              clock.advance(it)
            }
            val a =
              HiveOpsCaller(
                gateway.hiveOpsBaseUrl(),
                RateLimiter.of(RateLimitConfig.hiveOps(), storeA, "hiveops:sk-fake-hive"),
                clock,
                sleeper,
              )
            val b =
              HiveOpsCaller(
                gateway.hiveOpsBaseUrl(),
                RateLimiter.of(RateLimitConfig.hiveOps(), storeB, "hiveops:sk-fake-hive"),
                clock,
                sleeper,
              )
            repeat(3) { a.chat() } // the third answer says remaining 0, reset 12:30:00

            shouldThrow<ThrottledException> {
              b.chat(CallOptions.builder().deadline(Duration.ofSeconds(10)).build())
            }
            gateway.requests().size shouldBe 3 // B failed fast without sending

            b.chat() // waits for the reset the headers announced, then succeeds
            sleeps shouldBe listOf(Duration.ofSeconds(45))
            a.rateLimited.get() + b.rateLimited.get() shouldBe 0
            gateway.state().hiveOpsKey("sk-fake-hive").totalRequests() shouldBe 4
          }
        }
      }
    }
  })
