package io.llmgateway.coroutines.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.coroutines.VirtualWire
import io.llmgateway.coroutines.collectText
import io.llmgateway.coroutines.virtualClock
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.RateLimitedException
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.fault.Fault
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runTest

/**
 * The HiveOps retry schedule over real HTTP, waited in virtual time: the core's HiveOps policy (1,
 * 2, 4, 8 s plus 0-1 s jitter, pinned here to 0) decides, the suspending loop `delay`s.
 */
class HiveOpsRetrySpec :
  FunSpec({
    val pinned = RetryPolicy.hiveOps().toBuilder().random { 0.0 }.build()
    val tooMany = Fault.openAiError(429, "Rate limit exceeded", "rate_limit_error", null)

    fun client(gateway: io.llmgateway.testing.FakeGateway, wire: VirtualWire) = gateway.hive {
      retryPolicy(pinned)
      listener(wire)
    }

    test("chat: 429 twice waits 1 s then 2 s of virtual time, the third attempt answers") {
      runTest {
        val wire = VirtualWire(this)
        fakeHive { clock(virtualClock()) }
          .use { gateway ->
            gateway.faults().on("POST", "/chat/completions").times(2, tooMany).thenPass()
            client(gateway, wire).chat(ask()).text() shouldBe "Fake reply to: hello there"
            wire.attemptsAt shouldBe listOf(0L, 1_000L, 3_000L)
            gateway.chatRequests() shouldBe 3
          }
      }
    }

    test("chat: a 429 storm gives up after five attempts at 0, 1, 3, 7 and 15 s") {
      runTest {
        val wire = VirtualWire(this)
        fakeHive { clock(virtualClock()) }
          .use { gateway ->
            gateway.faults().on("POST", "/chat/completions").thenAlways(tooMany)
            shouldThrow<RateLimitedException> { client(gateway, wire).chat(ask()) }
            wire.attemptsAt shouldBe listOf(0L, 1_000L, 3_000L, 7_000L, 15_000L)
            gateway.chatRequests() shouldBe 5
          }
      }
    }

    test("stream: a 429 before the first chunk is waited out in virtual time, then streamed") {
      runTest {
        val wire = VirtualWire(this)
        fakeHive { clock(virtualClock()) }
          .use { gateway ->
            gateway.faults().on("POST", "/chat/completions").next(tooMany).thenPass()
            wire.read(client(gateway, wire).stream(ask())).collectText() shouldBe
              "Fake reply to: hello there"
            wire.attemptsAt shouldBe listOf(0L, 1_000L)
          }
      }
    }

    test("403 insufficient balance is never retried and waits no time") {
      runTest {
        val wire = VirtualWire(this)
        fakeHive { clock(virtualClock()) }
          .use { gateway ->
            val client =
              gateway.hive(key = "sk-fake-hive-broke") {
                retryPolicy(pinned)
                listener(wire)
              }
            shouldThrow<InsufficientCreditsException> { client.chat(ask()) }
            wire.attemptsAt shouldBe listOf(0L)
            currentTime shouldBe 0L
            gateway.chatRequests() shouldBe 1
          }
      }
    }
  })
