package io.llmgateway.openai

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.time.Duration
import java.time.Instant

// The fake's one-minute window for the clock's start (12:29:15.123) resets here.
private val RESET = Instant.parse("2026-03-20T12:30:00Z")

/**
 * The throttle's local default (60 a minute) cannot know that another client spent most of the
 * window: only the gateway's X-RateLimit headers can. These tests fail if the headers are ignored.
 */
class RateLimitSteeringSpec :
  FunSpec({
    test("after a response says 4 remain, the facade waits for the reset instead of meeting 429") {
      fakeHive().use { gateway ->
        gateway.spendWindowElsewhere(55)
        val tooMany = TooManyCounter()
        val sleeper = gateway.fakeClock()
        val client = gateway.hiveClient(sleeper = sleeper::sleep) { addInterceptor(tooMany) }
        val start = gateway.fakeClock().instant()

        val first = client.chat(ask(text = "mine 0"))
        first.rateLimit().remainingRequests() shouldBe 4L
        first.rateLimit().resetRequests() shouldBe RESET
        for (i in 1 until 10) {
          client.chat(ask(text = "mine $i"))
        }

        tooMany.count.get() shouldBe 0
        gateway.chatRequests() shouldBe 65 // 55 + 10: nothing was retried
        sleeper.sleeps() shouldBe listOf(Duration.between(start, RESET)) // one wait, to the reset
        val sent = gateway.requests().filter { it.path() == "/chat/completions" }
        sent.take(60).all { it.receivedAt().isBefore(RESET) } shouldBe true
        sent.drop(60).all { !it.receivedAt().isBefore(RESET) } shouldBe true
      }
    }

    test("the drop-in client is steered by the same headers: no 429 reaches plain SDK code") {
      fakeHive().use { gateway ->
        gateway.spendWindowElsewhere(55)
        val tooMany = TooManyCounter()
        val sleeper = gateway.fakeClock()
        val sdk = gateway.hiveClient(sleeper = sleeper::sleep) { addInterceptor(tooMany) }.openAi()

        // The drop-in client has no retries: without the headers the 6th call would throw.
        repeat(10) { sdk.chat().completions().create(ask(text = "drop-in $it")) }

        tooMany.count.get() shouldBe 0
        gateway.chatRequests() shouldBe 65
        gateway.fakeClock().instant() shouldBe RESET
      }
    }

    test("stream results carry the rate-limit snapshot of their response") {
      fakeHive().use { gateway ->
        gateway.spendWindowElsewhere(10)
        val result = gateway.hiveClient().stream(ask()) {}
        result.rateLimit().limitRequests() shouldBe 60L
        result.rateLimit().remainingRequests() shouldBe 49L
        result.rateLimit().resetRequests() shouldBe RESET
        result.rateLimit().limitTokens() shouldBe 150_000L
      }
    }
  })
