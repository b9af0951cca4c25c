package io.llmgateway.jobs

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.comparables.shouldBeGreaterThanOrEqualTo
import io.kotest.matchers.comparables.shouldBeLessThanOrEqualTo
import io.kotest.matchers.shouldBe
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import java.time.Instant
import java.util.Collections

/**
 * No single response can disable the job client: rate-limit resets in every form, believed only
 * within a horizon; a past reset means the backoff; Retry-After wins over the throttle's guess.
 * Over HTTP against the fake, on its clock; the sleeper moves that clock and records each wait.
 */
class RateLimitResetSpec :
  FunSpec({
    val llmCall = "/api/jobs/*/llm-call"

    class ClockSleeper(private val clock: FakeClock) : Sleeper {
      val waits: MutableList<Duration> = Collections.synchronizedList(mutableListOf())

      override fun sleep(duration: Duration) {
        waits.add(duration)
        clock.advance(duration)
      }
    }

    class Run(val gateway: FakeGateway) {
      val clock: FakeClock = gateway.fakeClock()
      val sleeper = ClockSleeper(clock)
      val client =
        gateway.client(sleeper = sleeper) {
          clock(this@Run.clock)
        }
      val jobId: String = client.createJob(JobSpec.of("resets")).jobId()

      fun call() = client.llmCall(jobId, question()).content()

      fun calls(): Int = gateway.requestsTo("POST", "/llm-call")
    }

    fun exhausted(reset: String): Fault =
      Fault.detail(429, "Rate limit exceeded")
        .withHeader("X-RateLimit-Limit-Requests", "60")
        .withHeader("X-RateLimit-Remaining-Requests", "0")
        .withHeader("X-RateLimit-Reset-Requests", reset)

    fun spent(reset: String): Fault =
      Fault.pass()
        .withHeader("X-RateLimit-Limit-Requests", "60")
        .withHeader("X-RateLimit-Remaining-Requests", "0")
        .withHeader("X-RateLimit-Reset-Requests", reset)

    val tenYears = "2036-03-20T12:30:00Z"

    test("a 429 with a reset ten years ahead: one backoff, then success; later calls go at once") {
      fake().use { gateway ->
        gateway.faults().on("POST", llmCall).next(exhausted(tenYears))
        val run = Run(gateway)
        run.call()
        run.sleeper.waits shouldHaveSize 1 // the backoff: 1 s +-25 %
        run.sleeper.waits[0] shouldBeGreaterThanOrEqualTo Duration.ofMillis(750)
        run.sleeper.waits[0] shouldBeLessThanOrEqualTo Duration.ofMillis(1250)
        repeat(5) { run.call() }
        run.calls() shouldBe 7
        run.sleeper.waits shouldHaveSize 1
      }
    }

    test("a 200 saying 0 remain until ten years ahead does not stop the next calls") {
      fake().use { gateway ->
        gateway.faults().on("POST", llmCall).next(spent(tenYears))
        val run = Run(gateway)
        repeat(6) { run.call() }
        run.calls() shouldBe 6
        run.sleeper.waits.shouldBeEmpty()
      }
    }

    test("a reset in epoch milliseconds is read as such: the next call waits until it, once") {
      fake().use { gateway ->
        val run = Run(gateway)
        val reset = Instant.ofEpochMilli(run.clock.instant().plusSeconds(2).toEpochMilli())
        gateway.faults().on("POST", llmCall).next(spent("${reset.toEpochMilli()}"))
        val before = run.clock.instant()
        run.call()
        run.call()
        // about 2 s; read as seconds it would be the year 58,000
        run.sleeper.waits shouldBe listOf(Duration.between(before, reset))
        run.calls() shouldBe 2
      }
    }

    test("a 429 whose reset is already past retries after the backoff, never at once") {
      fake().use { gateway ->
        val run = Run(gateway)
        val past = run.clock.instant().minusSeconds(30).toString()
        gateway.faults().on("POST", llmCall).times(2, exhausted(past))
        run.call()
        run.calls() shouldBe 3
        run.sleeper.waits shouldHaveSize 2
        run.sleeper.waits.forEach { it shouldBeGreaterThanOrEqualTo Duration.ofMillis(750) }
      }
    }

    test("a 429 with Retry-After: 1, remaining 0 and no reset waits 1 s, not the window") {
      fake().use { gateway ->
        gateway
          .faults()
          .on("POST", llmCall)
          .next(
            Fault.detail(429, "Rate limit exceeded")
              .withHeader("X-RateLimit-Limit-Requests", "60")
              .withHeader("X-RateLimit-Remaining-Requests", "0")
              .withRetryAfterSeconds(1)
          )
        val run = Run(gateway)
        val start: Instant = run.clock.instant()
        run.call()
        run.sleeper.waits shouldBe listOf(Duration.ofSeconds(1))
        Duration.between(start, run.clock.instant()) shouldBe Duration.ofSeconds(1)
        run.calls() shouldBe 2
      }
    }
  })
