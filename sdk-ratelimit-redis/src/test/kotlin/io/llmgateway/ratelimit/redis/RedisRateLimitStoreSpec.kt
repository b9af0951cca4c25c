package io.llmgateway.ratelimit.redis

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeInRange
import io.kotest.matchers.shouldBe
import io.llmgateway.ratelimit.RateLimitState
import io.llmgateway.ratelimit.RateWindow
import java.time.Duration
import java.time.Instant

class RedisRateLimitStoreSpec :
  FunSpec({
    val reset = Instant.parse("2026-03-20T12:30:00Z")
    val s1 = RateLimitState(RateWindow(60, 59, reset), RateWindow(150_000, 149_990, reset))
    val s2 = RateLimitState(RateWindow(60, 58, reset), RateWindow(150_000, 149_980, reset))

    fun store(prefix: String) =
      RedisRateLimitStore.connect(TestRedis.config().toBuilder().keyPrefix(prefix).build())

    test("compare-and-set on Redis: absent, then only the holder of the current state wins").config(
      enabledOrReasonIf = TestRedis.shared
    ) {
      store(TestRedis.uniquePrefix()).use { store ->
        store.get("k") shouldBe null
        store.compareAndSet("k", null, s1) shouldBe true
        store.compareAndSet("k", null, s2) shouldBe false
        store.get("k") shouldBe s1
        store.compareAndSet("k", s2, s1) shouldBe false
        store.compareAndSet("k", s1, s2) shouldBe true
        store.get("k") shouldBe s2
        store.degraded() shouldBe false
        store.fallbacks() shouldBe 0
      }
    }

    test("two stores (two app instances) on one Redis see one state per key").config(
      enabledOrReasonIf = TestRedis.shared
    ) {
      val prefix = TestRedis.uniquePrefix()
      store(prefix).use { a ->
        store(prefix).use { b ->
          a.compareAndSet("team-a", null, s1) shouldBe true
          b.get("team-a") shouldBe s1
          b.compareAndSet("team-a", s1, s2) shouldBe true
          a.compareAndSet("team-a", s1, s1) shouldBe false
          a.get("team-a") shouldBe s2
          a.get("team-b") shouldBe null
        }
      }
    }

    test("keys carry the prefix and expire after the configured TTL").config(
      enabledOrReasonIf = TestRedis.shared
    ) {
      val prefix = TestRedis.uniquePrefix()
      RedisRateLimitStore.connect(
          TestRedis.config().toBuilder().keyPrefix(prefix).keyTtl(Duration.ofSeconds(90)).build()
        )
        .use { store ->
          store.compareAndSet("k", null, s1) shouldBe true
          RedisAdmin.on(TestRedis.url) { admin ->
            admin.command("GET", prefix + "k") shouldBe StateCodec.encode(s1)
            admin.command("PTTL", prefix + "k")!!.toLong().shouldBeInRange(80_000L..90_000L)
          }
        }
    }

    test("a value it cannot read is dropped and counts as no state, so limiting goes on").config(
      enabledOrReasonIf = TestRedis.shared
    ) {
      val prefix = TestRedis.uniquePrefix()
      store(prefix).use { store ->
        RedisAdmin.on(TestRedis.url) { it.command("SET", prefix + "k", "not a state") }
        store.get("k") shouldBe null
        store.compareAndSet("k", null, s1) shouldBe true
        store.get("k") shouldBe s1
        store.degraded() shouldBe false
      }
    }
  })
