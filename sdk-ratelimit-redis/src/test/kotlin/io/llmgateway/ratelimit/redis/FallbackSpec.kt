package io.llmgateway.ratelimit.redis

import io.kotest.assertions.nondeterministic.eventually
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
import kotlin.time.Duration.Companion.seconds

/**
 * Redis slow, hung or down: bounded waits, a slow answer served locally without giving up on Redis,
 * a fallback only on real failure or a run of timeouts, then a background probe that rejoins and
 * folds the local window back in.
 */
class FallbackSpec :
  FunSpec({
    val limits =
      RateLimitConfig.custom().requestsPerWindow(60).window(Duration.ofMinutes(1)).build()

    fun config(url: String) =
      RedisRateLimitConfig.of(url)
        .toBuilder()
        .keyPrefix(TestRedis.uniquePrefix())
        .commandTimeout(Duration.ofMillis(300))
        .connectTimeout(Duration.ofMillis(500))
        .reprobeInterval(Duration.ofSeconds(5))
        .build()

    fun millisSince(start: Long) = (System.nanoTime() - start) / 1_000_000

    // Netty and Lettuce load and start their threads on first use, which takes seconds on a busy
    // 2-core machine: warm them up so the bounds below measure the store, not class loading.
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
          millisSince(started) shouldBeLessThan 5_000 // a refused connection: no hang
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

    test("Redis killed: falls back at once, goes on from the shared state, rejoins safely").config(
      enabledOrReasonIf = TestRedis.own,
      timeout = 60.seconds,
    ) {
      val redis = TestRedis.startOwn()
      try {
        val clock = FakeClock()
        RedisRateLimitStore.connect(config(redis.url), clock).use { store ->
          val limiter = RateLimiter.of(limits, store, "k")
          repeat(20) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }

          redis.kill()
          val started = System.nanoTime()
          // 40 left in the window Redis last held: the local fallback starts from there
          repeat(40) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
          limiter.reserve(0, clock.instant(), null).status() shouldBe Reservation.Status.WAIT
          millisSince(started) shouldBeLessThan 4_000 // a reset connection fails at once
          store.degraded() shouldBe true
          store.fallbacks() shouldBe 1
          store.redisTimeouts() shouldBe 0

          redis.start() // back, empty, on the same port
          clock.advance(Duration.ofSeconds(4))
          limiter.reserve(0, clock.instant(), null)
          Thread.sleep(300)
          store.degraded() shouldBe true // not probed before the interval has passed

          clock.advance(Duration.ofSeconds(1))
          limiter.reserve(0, clock.instant(), null) // starts the probe, in the background
          eventually(5.seconds) { store.degraded() shouldBe false }
          store.recoveries() shouldBe 1
          // Redis restarted empty, but the window this process spent locally was folded back
          // in: the shared window is no more permissive than what the process knew.
          RedisAdmin.on(redis.url) {
            it.command("GET", store.config().keyPrefix() + "k")
          } shouldNotBe null
          limiter.reserve(0, clock.instant(), null).status() shouldBe Reservation.Status.WAIT
        }
      } finally {
        redis.stop()
      }
    }

    test("one slow answer is served locally without a fallback; a run of them falls back").config(
      enabledOrReasonIf = TestRedis.own,
      timeout = 60.seconds,
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
          millisSince(started) shouldBeLessThan 2_500 // one 300 ms timeout, not the 3 s pause
          store.redisTimeouts() shouldBe 1
          store.degraded() shouldBe false // a slow answer is not an outage
          limiter.reserve(0, clock.instant(), null).isGranted shouldBe true
          store.degraded() shouldBe false
          limiter.reserve(0, clock.instant(), null).isGranted shouldBe true
          store.degraded() shouldBe true // the third timeout in a row
          store.fallbacks() shouldBe 1

          val local = System.nanoTime()
          repeat(20) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
          millisSince(local) shouldBeLessThan 250 // until the re-probe, nobody waits for Redis
          store.redisTimeouts() shouldBe 3
        }
      } finally {
        redis.stop()
      }
    }

    test("Redis hung (SIGSTOP): falls back after the timeouts, rejoins after SIGCONT").config(
      enabledOrReasonIf = TestRedis.own,
      timeout = 60.seconds,
    ) {
      val redis = TestRedis.startOwn()
      try {
        val clock = FakeClock()
        RedisRateLimitStore.connect(config(redis.url), clock).use { store ->
          val limiter = RateLimiter.of(limits, store, "k")
          repeat(10) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
          redis.pause()
          val started = System.nanoTime()
          repeat(10) { limiter.reserve(0, clock.instant(), null).isGranted shouldBe true }
          millisSince(started) shouldBeLessThan 2_500 // three 300 ms timeouts, then local
          store.degraded() shouldBe true

          clock.advance(Duration.ofSeconds(5))
          limiter.reserve(0, clock.instant(), null) // a probe: PING times out, still degraded
          Thread.sleep(1_000)
          store.degraded() shouldBe true

          redis.resume()
          clock.advance(Duration.ofSeconds(5))
          limiter.reserve(0, clock.instant(), null)
          eventually(5.seconds) { store.degraded() shouldBe false }
          // 10 taken in Redis before the hang; 12 locally during it (3 of them also reached Redis
          // once it went on): the merge keeps the lower remaining, the local 60 - 22
          limiter.state(clock.instant()).requests().remaining() shouldBe 38
        }
      } finally {
        redis.resume()
        redis.stop()
      }
    }
  })
