package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.throwables.shouldThrowExactly
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.comparables.shouldBeGreaterThanOrEqualTo
import io.kotest.matchers.comparables.shouldBeLessThanOrEqualTo
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.error.AuthenticationException
import io.llmgateway.error.BadRequestException
import io.llmgateway.error.InternalServerException
import io.llmgateway.error.Provider
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.metrics.CallFinished
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import java.time.Instant

/** Each HiveOps error body as the facade reports it, and how often it was sent. */
class ErrorBodiesSpec :
  FunSpec({
    test("a generic 400 is a BadRequestException, sent once") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(
            Fault.openAiError(
              400,
              "Missing required parameters",
              "invalid_request_error",
              "missing_required_parameter",
            )
          )
        val e = shouldThrowExactly<BadRequestException> { gateway.hiveClient().chat(ask()) }
        e.status() shouldBe 400
        e.serverMessage() shouldBe "Missing required parameters"
        e.code() shouldBe "missing_required_parameter"
        gateway.chatRequests() shouldBe 1
      }
    }

    test("a 429 that never clears ends as RateLimitedException after 5 attempts, with its limits") {
      fakeHive().use { gateway ->
        val reset = Instant.parse("2026-03-20T12:30:00Z")
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .thenAlways(
            Fault.rateLimited()
              .withRateLimitHeaders(60, 0, reset, 150_000, 149_000)
              .withRetryAfterSeconds(1)
          )
        var attempts = 0
        val client = gateway.hiveClient {
          listener { if (it is CallFinished) attempts = it.attempts() }
        }

        val e = shouldThrow<RateLimitedException> { client.chat(ask()) }

        gateway.chatRequests() shouldBe 5 // HiveOps policy: 5 attempts for 429
        attempts shouldBe 5
        e.isRetryable shouldBe true
        e.retryAfter() shouldBe Duration.ofSeconds(1)
        e.rateLimit().limitRequests() shouldBe 60L
        e.rateLimit().remainingRequests() shouldBe 0L
        e.rateLimit().resetRequests() shouldBe reset
        e.rateLimit().remainingTokens() shouldBe 149_000L
      }
    }

    test("a 401 for an expired key says so, with the 90-day hint, sent once") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(
            Fault.openAiError(
              401,
              "Your API key has expired. Generate a new key in Dashboard",
              "invalid_request_error",
              "invalid_api_key",
            )
          )
        val e = shouldThrow<AuthenticationException> { gateway.hiveClient().chat(ask()) }
        e.reason() shouldBe AuthenticationException.Reason.EXPIRED_KEY
        e.message shouldContain "expire after 90 days"
        gateway.chatRequests() shouldBe 1
      }
    }

    test("the 90-day hint needs provider HIVEOPS: a custom host without it gets none") {
      fakeHive().use { gateway ->
        val generic =
          HiveOpsClient.builder()
            .baseUrl(gateway.hiveOpsBaseUrl())
            .apiKey("sk-fake-hive-old")
            .clock(gateway.fakeClock())
            .build()
        generic.provider() shouldBe Provider.OPENAI_COMPATIBLE
        shouldThrow<AuthenticationException> { generic.chat(ask()) }.message shouldNotContain
          "90 days"

        val hive = gateway.hiveClient(key = "sk-fake-hive-old") // provider(Provider.HIVEOPS)
        shouldThrow<AuthenticationException> { hive.chat(ask()) }.message shouldContain "90 days"
      }
    }

    test("a 500 is retried per the HiveOps policy: 3 attempts, waits of 1-2 s then 2-3 s") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").thenAlways(Fault.status(500))
        val sleeper = gateway.fakeClock()
        shouldThrow<InternalServerException> {
          gateway.hiveClient(sleeper = sleeper::sleep).chat(ask())
        }
        gateway.chatRequests() shouldBe 3
        sleeper.sleeps().size shouldBe 2
        sleeper.sleeps()[0] shouldBeGreaterThanOrEqualTo Duration.ofSeconds(1)
        sleeper.sleeps()[0] shouldBeLessThanOrEqualTo Duration.ofSeconds(2)
        sleeper.sleeps()[1] shouldBeGreaterThanOrEqualTo Duration.ofSeconds(2)
        sleeper.sleeps()[1] shouldBeLessThanOrEqualTo Duration.ofSeconds(3)
      }
    }

    test("a 503 is retried per the HiveOps policy: 3 attempts") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").thenAlways(Fault.status(503))
        shouldThrow<ServiceUnavailableException> { gateway.hiveClient().chat(ask()) }
        gateway.chatRequests() shouldBe 3
      }
    }
  })
