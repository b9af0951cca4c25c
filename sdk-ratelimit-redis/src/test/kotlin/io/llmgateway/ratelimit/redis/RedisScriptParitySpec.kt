package io.llmgateway.ratelimit.redis

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimitSnapshot
import io.llmgateway.ratelimit.RateLimitStore
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.ratelimit.Reservation
import java.time.Duration
import java.time.Instant
import kotlin.random.Random

/**
 * The Lua script and `RateLimitChange.applyTo` are two copies of one policy: the same random calls
 * through a limiter on Redis and one in memory must give the same answers and the same windows.
 */
class RedisScriptParitySpec :
  FunSpec({
    val configs =
      listOf(
        RateLimitConfig.custom()
          .requestsPerWindow(10)
          .tokensPerWindow(500)
          .window(Duration.ofSeconds(2))
          .edgeMargin(Duration.ofMillis(150))
          .build(),
        RateLimitConfig.hiveOps().toBuilder().edgeMargin(Duration.ofSeconds(3)).build(),
        RateLimitConfig.ofDefaults().toBuilder().edgeMargin(Duration.ofMillis(200)).build(),
      )

    test("2,400 random calls give the same reservations and windows in Redis as in memory").config(
      enabledOrReasonIf = TestRedis.shared
    ) {
      RedisRateLimitStore.connect(TestRedis.config()).use { store ->
        configs.forEachIndexed { c, config ->
          val random = Random(17 + c)
          val redis = RateLimiter.of(config, store, "parity-$c")
          val memory = RateLimiter.of(config, RateLimitStore.inMemory(), "parity-$c")
          var now = Instant.parse("2026-03-20T12:00:00.250Z")
          val granted = mutableListOf<Reservation>()
          repeat(800) { step ->
            now = now.plusMillis(random.nextLong(-20, 400)) // clocks may step back a little
            val where = "config $c, step $step at $now"
            when (random.nextInt(10)) {
              in 0..4 -> {
                val tokens = random.nextLong(0, 120)
                val a = redis.reserve(tokens, now, null)
                val b = memory.reserve(tokens, now, null)
                "$where: ${a.status()} ${a.delay()}" shouldBe "$where: ${b.status()} ${b.delay()}"
                if (a.isGranted) granted += a
              }
              5 -> {
                val s = snapshot(random, now)
                redis.observe(s, now)
                memory.observe(s, now)
              }
              6 -> {
                val s = snapshot(random, now)
                val wait = Duration.ofMillis(random.nextLong(0, 3_000))
                redis.observe(s, now, wait)
                memory.observe(s, now, wait)
              }
              7 ->
                granted.randomOrNull(random)?.let {
                  val used = random.nextLong(0, 200)
                  redis.recordUsage(it, used, now)
                  memory.recordUsage(it, used, now)
                }
              else ->
                granted.randomOrNull(random)?.let {
                  redis.release(it, now)
                  memory.release(it, now)
                }
            }
            "$where: ${redis.state(now)}" shouldBe "$where: ${memory.state(now)}"
          }
        }
      }
    }
  })

private fun snapshot(random: Random, now: Instant): RateLimitSnapshot {
  fun maybe(n: Long): Long? = if (random.nextInt(4) == 0) null else n
  fun reset(): Instant? =
    when (random.nextInt(5)) {
      0 -> null
      1 -> now.minusMillis(random.nextLong(1, 5_000)) // already past
      2 -> now.plusSeconds(random.nextLong(400, 4_000)) // beyond any horizon here
      else ->
        now.plusMillis(random.nextLong(1, 6_000)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
    }
  return RateLimitSnapshot(
    maybe(random.nextLong(5, 15)),
    maybe(random.nextLong(0, 12)),
    reset(),
    maybe(random.nextLong(300, 600)),
    maybe(random.nextLong(0, 600)),
    reset(),
  )
}
