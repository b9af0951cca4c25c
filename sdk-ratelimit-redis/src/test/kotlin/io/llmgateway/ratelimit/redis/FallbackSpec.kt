package io.llmgateway.ratelimit.redis

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.ratelimit.Reservation
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import java.time.Duration

/** Redis slow or down: bounded waits, local limiting, a warning and a counter, then recovery. */
class FallbackSpec :
  FunSpec({
    val limits =
      RateLimitConfig.custom().requestsPerWindow(60).window(Duration.ofMinutes(1)).build()

    fun config(url: String) =
      RedisRateLimitConfig.of(url)
        .toBuilder()
        .keyPrefix(TestRedis.uniquePrefix())
        .commandTimeout(Duration.ofMillis(300))
        .connectTimeout(Duration.ofMillis(200))
        .reprobeInterval(Duration.ofSeconds(5))
        .build()

    fun millisSince(start: Long) = (System.nanoTime() - start) / 1_000_000

    // Netty and Lettuce load and start their threads on first use, which takes seconds on a busy
    // 2-core machine: warm them up so the bound below measures the store, not class loading.
    beforeSpec {
      RedisRateLimitStore.connect(
          config("redis://127.0.0.1:${RedisProcess.freePort()}"),
          FakeClock(),
        )
        .close()
    }

    test("Redis unreachable from the start: the store limits locally at once and counts it") {
      val clock = FakeClock()
      val started = System.nanoTime()
      RedisRateLimitStore.connect(config("redis://127.0.0.1:${RedisProcess.freePort()}"), clock)
        .use { store ->
          store.degraded() shouldBe true
          store.fallbacks() shouldBe 1
          val limiter = RateLimiter.of(limits, store, "k")
          repeat(60) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
          limiter.reserve(0, clock.instant(), null).status() shouldBe Reservation.Status.WAIT
          store.redisFailures() shouldBe 1 // no new attempt before the re-probe time
          // Bounded by our 200 ms connect timeout, not Lettuce's default 10 s: no hang.
          millisSince(started) shouldBeLessThan 5_000
        }
    }

    test("with Redis down, calls through the executor still reach the gateway and succeed") {
      val clock = FakeClock()
      FakeGateway.builder().clock(clock).start().use { gateway ->
        RedisRateLimitStore.connect(config("redis://127.0.0.1:${RedisProcess.freePort()}"), clock)
          .use { store ->
            val caller =
              HiveOpsCaller(
                gateway.hiveOpsBaseUrl(),
                RateLimiter.of(RateLimitConfig.hiveOps(), store, "hiveops:sk-fake-hive"),
                clock,
                { clock.advance(it) },
              )
            repeat(3) { caller.chat() }
            gateway.state().hiveOpsKey("sk-fake-hive").totalRequests() shouldBe 3
            store.degraded() shouldBe true
          }
      }
    }

    test(
        "Redis killed mid-run: fails over at once, goes on from the shared state, recovers on re-probe"
      )
      .config(enabledOrReasonIf = TestRedis.own) {
        val redis = TestRedis.startOwn()
        try {
          val clock = FakeClock()
          RedisRateLimitStore.connect(config(redis.url), clock).use { store ->
            val limiter = RateLimiter.of(limits, store, "k")
            repeat(20) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }

            redis.stop()
            val started = System.nanoTime()
            // 40 left in the window Redis last held: the local fallback starts from there
            repeat(40) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
            limiter.reserve(0, clock.instant(), null).status() shouldBe Reservation.Status.WAIT
            millisSince(started) shouldBeLessThan
              4_000 // no reconnect loop: Lettuce would retry for 10 s
            store.degraded() shouldBe true
            store.fallbacks() shouldBe 1

            redis.start() // back, on the same port
            clock.advance(Duration.ofSeconds(4))
            limiter.state(clock.instant()).requests().remaining() shouldBe 0
            store.degraded() shouldBe true // not probed before the interval has passed

            clock.advance(Duration.ofSeconds(1))
            limiter.reserve(0, clock.instant(), null) // the probe: Redis answers again
            store.degraded() shouldBe false
            store.recoveries() shouldBe 1
            limiter.reserve(0, clock.instant(), null)
            RedisAdmin.on(redis.url) {
              it.command("GET", store.config().keyPrefix() + "k")
            } shouldNotBe null
          }
        } finally {
          redis.stop()
        }
      }

    test("a slow Redis costs one command timeout, not a hang, and calls still go through").config(
      enabledOrReasonIf = TestRedis.own
    ) {
      val redis = TestRedis.startOwn()
      try {
        val clock = FakeClock()
        RedisRateLimitStore.connect(config(redis.url), clock).use { store ->
          val limiter = RateLimiter.of(limits, store, "k")
          limiter.reserve(0, clock.instant(), null).isGranted shouldBe true
          RedisAdmin.on(redis.url) { it.command("CLIENT", "PAUSE", "3000", "ALL") }

          val started = System.nanoTime()
          limiter.reserve(0, clock.instant(), null).isGranted shouldBe true
          millisSince(started) shouldBeLessThan
            2_500 // a 300 ms timeout, well short of the 3 s pause
          store.degraded() shouldBe true
          store.fallbacks() shouldBe 1
          limiter.state(clock.instant()).requests().remaining() shouldBe 58

          val local = System.nanoTime()
          repeat(20) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
          millisSince(local) shouldBeLessThan 250 // until the re-probe, nobody waits for Redis
          store.redisFailures() shouldBe 1
        }
      } finally {
        redis.stop()
      }
    }
  })
