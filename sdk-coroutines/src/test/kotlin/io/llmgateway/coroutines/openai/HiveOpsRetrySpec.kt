package io.llmgateway.coroutines.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.coroutines.collectText
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.RateLimitedException
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import kotlinx.coroutines.runBlocking

/**
 * The HiveOps retry schedule over real HTTP, waited in virtual time through the client's sleeper:
 * the suspending calls run the same loop as the blocking ones, with the core's HiveOps policy (1,
 * 2, 4, 8 s plus 0-1 s jitter, pinned here to 0).
 */
class HiveOpsRetrySpec :
  FunSpec({
    val pinned = RetryPolicy.hiveOps().toBuilder().random { 0.0 }.build()
    val tooMany = Fault.openAiError(429, "Rate limit exceeded", "rate_limit_error", null)

    fun seconds(vararg s: Long) = s.map { Duration.ofSeconds(it) }

    test("chat: 429 twice waits 1 s then 2 s, the third attempt answers") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").times(2, tooMany).thenPass()
        val sleeper = FakeClock()
        val client = gateway.hive { retryPolicy(pinned).sleeper(sleeper::sleep).clock(sleeper) }
        runBlocking { client.chat(ask()) }.text() shouldBe "Fake reply to: hello there"
        sleeper.sleeps() shouldBe seconds(1, 2)
        gateway.chatRequests() shouldBe 3
      }
    }

    test("chat: a 429 storm gives up after five attempts, waiting 1, 2, 4 and 8 s") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").thenAlways(tooMany)
        val sleeper = FakeClock()
        val client = gateway.hive { retryPolicy(pinned).sleeper(sleeper::sleep).clock(sleeper) }
        shouldThrow<RateLimitedException> { runBlocking { client.chat(ask()) } }
        sleeper.sleeps() shouldBe seconds(1, 2, 4, 8)
        gateway.chatRequests() shouldBe 5
      }
    }

    test("stream: a 429 before the first chunk is waited out, then streamed") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").next(tooMany).thenPass()
        val sleeper = FakeClock()
        val client = gateway.hive { retryPolicy(pinned).sleeper(sleeper::sleep).clock(sleeper) }
        runBlocking { client.stream(ask()).collectText() } shouldBe "Fake reply to: hello there"
        sleeper.sleeps() shouldBe seconds(1)
      }
    }

    test("403 insufficient balance is never retried and waits no time") {
      fakeHive().use { gateway ->
        val sleeper = FakeClock()
        val client =
          gateway.hive(key = "sk-fake-hive-broke") {
            retryPolicy(pinned).sleeper(sleeper::sleep).clock(sleeper)
          }
        shouldThrow<InsufficientCreditsException> { runBlocking { client.chat(ask()) } }
        sleeper.sleeps() shouldBe emptyList()
        gateway.chatRequests() shouldBe 1
      }
    }
  })
