package io.llmgateway.ratelimit.redis

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotContain
import java.time.Duration

class RedisRateLimitConfigSpec :
  FunSpec({
    test("defaults: 500 ms commands, 10 s connect, 3 timeouts, 1 s re-probe, 10 min key TTL") {
      val c = RedisRateLimitConfig.of("redis://cache:6379")
      c.redisUrl() shouldBe "redis://cache:6379"
      c.keyPrefix() shouldBe "llmgw:ratelimit:"
      c.commandTimeout() shouldBe Duration.ofMillis(500)
      c.connectTimeout() shouldBe Duration.ofSeconds(10)
      c.timeoutsBeforeFallback() shouldBe 3
      c.reprobeInterval() shouldBe Duration.ofSeconds(1)
      c.keyTtl() shouldBe Duration.ofMinutes(10)
      c.toBuilder().keyPrefix("x:").build().keyPrefix() shouldBe "x:"
    }

    test("build() refuses a missing URL, a foreign scheme, an empty prefix and unbounded waits") {
      shouldThrow<IllegalStateException> { RedisRateLimitConfig.custom().build() }
      shouldThrow<IllegalArgumentException> { RedisRateLimitConfig.of("http://cache:6379") }
      shouldThrow<IllegalArgumentException> { RedisRateLimitConfig.of("redis://cache:70000") }
      val ok = RedisRateLimitConfig.of("redis://cache").toBuilder()
      shouldThrow<IllegalArgumentException> { ok.keyPrefix("").build() }
      shouldThrow<IllegalArgumentException> {
        RedisRateLimitConfig.of("redis://c").toBuilder().commandTimeout(Duration.ZERO).build()
      }
      shouldThrow<IllegalArgumentException> {
        RedisRateLimitConfig.of("redis://c")
          .toBuilder()
          .commandTimeout(Duration.ofMinutes(1))
          .build()
      }
      shouldThrow<IllegalArgumentException> {
        RedisRateLimitConfig.of("redis://c").toBuilder().keyTtl(Duration.ofMillis(10)).build()
      }
      shouldThrow<IllegalArgumentException> {
        RedisRateLimitConfig.of("redis://c").toBuilder().reprobeInterval(Duration.ofDays(1)).build()
      }
      shouldThrow<IllegalArgumentException> {
        RedisRateLimitConfig.of("redis://c").toBuilder().timeoutsBeforeFallback(0).build()
      }
    }

    test("toString never shows the Redis password") {
      RedisRateLimitConfig.of("redis://default:s3cret@cache:6379").toString() shouldNotContain
        "s3cret"
    }
  })
