package io.llmgateway.openai

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.util.concurrent.atomic.AtomicInteger
import okhttp3.Interceptor

class BurstSpec :
  FunSpec({
    test("200 requests into 60 per minute: the throttle waits, the fake sends no 429") {
      fakeHive().use { gateway ->
        val tooMany = AtomicInteger()
        val counter = Interceptor { chain ->
          chain.proceed(chain.request()).also { if (it.code == 429) tooMany.incrementAndGet() }
        }
        val sleeper = gateway.fakeClock()
        val client = gateway.hiveClient(sleeper = sleeper::sleep) { addInterceptor(counter) }
        val start = gateway.fakeClock().instant()
        repeat(200) { client.chat(ask(text = "burst $it")) }

        tooMany.get() shouldBe 0
        gateway.chatRequests() shouldBe 200
        gateway.state().hiveOpsKey("sk-fake-hive").totalRequests() shouldBe 200L
        // Four clock-aligned windows (60 + 60 + 60 + 20) from 12:29:15.123: the last opens at
        // 12:32:00.
        val elapsed = java.time.Duration.between(start, gateway.fakeClock().instant())
        (elapsed.seconds >= 164) shouldBe true // the clock starts at 12:29:15.123
        sleeper.sleeps().isNotEmpty() shouldBe true
      }
    }

    test("the drop-in client waits for the shared throttle too: 100 calls, no 429") {
      fakeHive().use { gateway ->
        val tooMany = AtomicInteger()
        val counter = Interceptor { chain ->
          chain.proceed(chain.request()).also { if (it.code == 429) tooMany.incrementAndGet() }
        }
        val client = gateway.hiveClient { addInterceptor(counter) }.openAi()
        repeat(100) { client.chat().completions().create(ask(text = "drop-in $it")) }
        tooMany.get() shouldBe 0
        gateway.state().hiveOpsKey("sk-fake-hive").totalRequests() shouldBe 100L
      }
    }
  })
