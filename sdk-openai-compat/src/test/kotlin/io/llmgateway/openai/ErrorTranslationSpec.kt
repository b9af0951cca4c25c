package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.error.AuthenticationException
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.InternalServerException
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.testing.fault.Fault
import java.time.Duration

class ErrorTranslationSpec :
  FunSpec({
    test("401 invalid key is an authentication error with the 90-day hint, never retried") {
      fakeHive().use { gateway ->
        val e =
          shouldThrow<AuthenticationException> {
            gateway.hiveClient(key = "sk-not-a-real-key").chat(ask())
          }
        e.reason() shouldBe AuthenticationException.Reason.INVALID_KEY
        e.code() shouldBe "invalid_api_key"
        e.message shouldContain "90 days"
        e.message shouldNotContain "sk-not-a-real-key"
        gateway.chatRequests() shouldBe 1
      }
    }

    test("an expired key is the same 401") {
      fakeHive().use { gateway ->
        shouldThrow<AuthenticationException> {
          gateway.hiveClient(key = "sk-fake-hive-old").chat(ask())
        }
        gateway.chatRequests() shouldBe 1
      }
    }

    test("403 insufficient_balance is InsufficientCreditsException and never retried") {
      fakeHive().use { gateway ->
        val e =
          shouldThrow<InsufficientCreditsException> {
            gateway.hiveClient(key = "sk-fake-hive-broke").chat(ask())
          }
        e.status() shouldBe 403
        e.code() shouldBe "insufficient_balance"
        e.isRetryable shouldBe false
        e.rateLimit().limitRequests() shouldBe 60L
        gateway.chatRequests() shouldBe 1
      }
    }

    test("429 is retried after the server's Retry-After") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(Fault.rateLimited().withRetryAfterSeconds(7))
          .thenPass()
        val sleeper = gateway.fakeClock()
        val result = gateway.hiveClient(sleeper = sleeper::sleep).chat(ask())
        result.text() shouldBe "Fake reply to: hello there"
        gateway.chatRequests() shouldBe 2
        sleeper.sleeps() shouldContain Duration.ofSeconds(7)
      }
    }

    test("503 and 500 are retried, then succeed") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(Fault.status(503))
          .next(Fault.status(500))
          .thenPass()
        gateway.hiveClient().chat(ask()).text() shouldBe "Fake reply to: hello there"
        gateway.chatRequests() shouldBe 3
      }
    }

    test("a 503 that persists ends as ServiceUnavailableException after the policy's attempts") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").thenAlways(Fault.status(503))
        shouldThrow<ServiceUnavailableException> { gateway.hiveClient().chat(ask()) }
        (gateway.chatRequests() > 1) shouldBe true
      }
    }

    test("a plain-text 500 body the OpenAI SDK would drop still reaches the classifier") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .thenAlways(Fault.nginxError(500, "Internal Server Error"))
        val e =
          shouldThrow<InternalServerException> {
            gateway.hiveClient { retryPolicy(io.llmgateway.retry.RetryPolicy.none()) }.chat(ask())
          }
        e.rawBody() shouldContain "<html>"
      }
    }

    test("results carry the rate-limit headers") {
      fakeHive().use { gateway ->
        val result = gateway.hiveClient().chat(ask())
        result.rateLimit().limitRequests() shouldBe 60L
        result.rateLimit().remainingRequests() shouldBe 59L
        result.rateLimit().limitTokens() shouldBe 150000L
      }
    }
  })
