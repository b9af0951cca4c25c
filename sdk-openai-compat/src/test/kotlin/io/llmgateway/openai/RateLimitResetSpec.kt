package io.llmgateway.openai

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.comparables.shouldBeGreaterThanOrEqualTo
import io.kotest.matchers.comparables.shouldBeLessThanOrEqualTo
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import java.time.Instant

/**
 * No single response can disable the HiveOps facade: rate-limit resets in every form, believed only
 * within a horizon; a past reset means the backoff; Retry-After wins over the throttle's guess.
 * Over HTTP against the fake, on its clock; the sleeper moves that clock.
 */
class RateLimitResetSpec :
  FunSpec({
    val chat = "/chat/completions"
    val tenYears = "2036-03-20T12:30:00Z"

    class Run(gateway: FakeGateway) {
      val clock = gateway.fakeClock()
      val sleeper = clock
      val client = gateway.hiveClient(sleeper = sleeper::sleep)

      fun call() = client.chat(ask()).text()
    }

    fun rateLimited(): Fault =
      Fault.openAiError(
        429,
        "Rate limit exceeded. Please try again later.",
        "rate_limit_error",
        "rate_limit_exceeded",
      )

    fun FakeGateway.next(fault: Fault, times: Int = 1) {
      faults().on("POST", chat).times(times, fault)
    }

    fun Fault.exhaustedUntil(reset: String): Fault =
      withHeader("X-RateLimit-Limit-Requests", "60")
        .withHeader("X-RateLimit-Remaining-Requests", "0")
        .withHeader("X-RateLimit-Reset-Requests", reset)

    test("a 429 with a reset ten years ahead: one backoff, then success; later calls go at once") {
      fakeHive().use { gateway ->
        gateway.next(rateLimited().exhaustedUntil(tenYears))
        val run = Run(gateway)
        run.call()
        run.sleeper.sleeps() shouldHaveSize 1 // the guide's backoff: 1 s plus up to 1 s
        run.sleeper.sleeps()[0] shouldBeGreaterThanOrEqualTo Duration.ofSeconds(1)
        run.sleeper.sleeps()[0] shouldBeLessThanOrEqualTo Duration.ofSeconds(2)
        repeat(5) { run.call() }
        gateway.chatRequests() shouldBe 7
        run.sleeper.sleeps() shouldHaveSize 1
      }
    }

    test("a 200 saying 0 remain until ten years ahead does not stop the next calls") {
      fakeHive().use { gateway ->
        gateway.next(Fault.pass().exhaustedUntil(tenYears))
        val run = Run(gateway)
        repeat(6) { run.call() }
        gateway.chatRequests() shouldBe 6
        run.sleeper.sleeps().shouldBeEmpty()
      }
    }

    test("a reset in epoch milliseconds is read as such: the next call waits until it, once") {
      fakeHive().use { gateway ->
        val run = Run(gateway)
        val reset = Instant.ofEpochMilli(run.clock.instant().plusSeconds(2).toEpochMilli())
        gateway.next(Fault.pass().exhaustedUntil("${reset.toEpochMilli()}"))
        val before = run.clock.instant()
        run.call()
        run.call()
        // about 2 s; read as seconds it would be the year 58,000
        run.sleeper.sleeps() shouldBe listOf(Duration.between(before, reset))
        gateway.chatRequests() shouldBe 2
      }
    }

    test("a 429 whose reset is already past retries after the backoff, never at once") {
      fakeHive().use { gateway ->
        val run = Run(gateway)
        gateway.next(
          rateLimited().exhaustedUntil(run.clock.instant().minusSeconds(30).toString()),
          2,
        )
        run.call()
        gateway.chatRequests() shouldBe 3
        run.sleeper.sleeps() shouldHaveSize 2
        run.sleeper.sleeps().forEach { it shouldBeGreaterThanOrEqualTo Duration.ofSeconds(1) }
      }
    }

    test("a 429 with Retry-After: 1, remaining 0 and no reset waits 1 s, not the window") {
      fakeHive().use { gateway ->
        gateway.next(
          rateLimited()
            .withHeader("X-RateLimit-Limit-Requests", "60")
            .withHeader("X-RateLimit-Remaining-Requests", "0")
            .withRetryAfterSeconds(1)
        )
        val run = Run(gateway)
        val start = run.clock.instant()
        run.call()
        run.sleeper.sleeps() shouldBe listOf(Duration.ofSeconds(1))
        Duration.between(start, run.clock.instant()) shouldBe Duration.ofSeconds(1)
        gateway.chatRequests() shouldBe 2
      }
    }
  })
