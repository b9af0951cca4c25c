package io.llmgateway.openai

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.llmgateway.ratelimit.RateLimitStore
import io.llmgateway.testing.fault.Fault

/** `rateLimitStore(store, key)`: clients on one store and key share one window. */
class SharedWindowSpec :
  FunSpec({
    test("two facades on one store and key share HiveOps' 60 a minute: the 61st call waits") {
      fakeHive().use { gateway ->
        // Every answer claims a full window, so only the shared count can hold the 61st back.
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .thenAlways(Fault.pass().withHeader("X-RateLimit-Remaining-Requests", "60"))
        val store = RateLimitStore.inMemory()
        val sleeper = gateway.fakeClock()
        val tooMany = TooManyCounter()
        fun client() =
          gateway.hiveClient(sleeper = sleeper::sleep) {
            rateLimitStore(store, "hiveops:team-a")
            addInterceptor(tooMany)
          }
        val a = client()
        val b = client()
        repeat(30) {
          a.chat(ask())
          b.chat(ask())
        }
        b.chat(ask())
        tooMany.count.get() shouldBe 0
        sleeper.sleeps() shouldHaveSize 1 // to the end of the shared minute
        gateway.chatRequests() shouldBe 61
      }
    }
  })
