package io.llmgateway.ratelimit.redis

import io.kotest.assertions.nondeterministic.eventually
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.time.Duration
import kotlin.time.Duration.Companion.seconds

/** connectTimeout governs connection set-up, commandTimeout governs commands. */
class ConnectionTimeoutsSpec :
  FunSpec({
    test("a handshake answered after 300 ms connects with a 100 ms command timeout").config(
      enabledOrReasonIf = TestRedis.shared
    ) {
      val port = java.net.URI(TestRedis.url).port
      SlowProxy(port, 300).use { proxy ->
        val config =
          RedisRateLimitConfig.of(proxy.url)
            .toBuilder()
            .keyPrefix(TestRedis.uniquePrefix())
            .commandTimeout(Duration.ofMillis(100))
            .connectTimeout(Duration.ofSeconds(3))
            .build()
        RedisRateLimitStore.connect(config).use { store ->
          store.degraded() shouldBe false
          store.fallbacks() shouldBe 0
        }
      }
    }

    test("the same handshake with a 150 ms connect timeout starts degraded, then rejoins").config(
      enabledOrReasonIf = TestRedis.shared
    ) {
      val port = java.net.URI(TestRedis.url).port
      SlowProxy(port, 300).use { proxy ->
        val config =
          RedisRateLimitConfig.of(proxy.url)
            .toBuilder()
            .keyPrefix(TestRedis.uniquePrefix())
            .commandTimeout(Duration.ofSeconds(2))
            .connectTimeout(Duration.ofMillis(150))
            .build()
        RedisRateLimitStore.connect(config).use { store ->
          store.degraded() shouldBe true
          store.fallbacks() shouldBe 1
          // the set-up went on in the background; the next probe (1 s) adopts it
          eventually(5.seconds) { store.degraded() shouldBe false }
          store.recoveries() shouldBe 1
          store.redisFailures() shouldBe 1 // one connection, not a new one per probe
        }
      }
    }
  })
