package io.llmgateway.ratelimit.redis

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimitSnapshot
import io.llmgateway.ratelimit.RateLimiter
import java.time.Instant
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** Each change is one script on Redis: one round trip, however many instances contend. */
class RoundTripsSpec :
  FunSpec({
    test("reserve, observe and recordUsage cost one round trip each, contended or not").config(
      enabledOrReasonIf = TestRedis.shared
    ) {
      val config = TestRedis.config()
      val stores = (0 until 8).map { RedisRateLimitStore.connect(config) }
      try {
        val limiters = stores.map { RateLimiter.of(RateLimitConfig.hiveOps(), it, "round-trips") }
        val now = Instant.parse("2026-03-20T12:00:10Z")
        val before = stores.sumOf { it.redisCommands() }
        val pool = Executors.newFixedThreadPool(8)
        limiters.forEach { limiter ->
          pool.execute {
            repeat(5) {
              val r = limiter.reserve(100, now, null)
              limiter.observe(RateLimitSnapshot(60, 60, null, 150_000, 150_000, null), now)
              limiter.recordUsage(r, 80, now)
            }
          }
        }
        pool.shutdown()
        pool.awaitTermination(30, TimeUnit.SECONDS) shouldBe true
        stores.sumOf { it.redisCommands() } - before shouldBe 8L * 5 * 3
        stores.sumOf { it.redisTimeouts() + it.redisFailures() } shouldBe 0L
        limiters[0].state(now).requests().remaining() shouldBe 20 // 40 taken of 60
      } finally {
        stores.forEach { it.close() }
      }
    }
  })
