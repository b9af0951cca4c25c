package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.llmgateway.error.CompletionUnknownException
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.metrics.AttemptFinished
import io.llmgateway.metrics.AttemptStarted
import io.llmgateway.metrics.CallEvent
import io.llmgateway.metrics.CallFinished
import io.llmgateway.metrics.CallStarted
import io.llmgateway.metrics.RetryScheduled
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList

/**
 * However many times complete is sent and the job read back, one `completeJob` is one call on
 * jobs.complete: one start, numbered attempts, a retry event before each re-send, one end, and one
 * request in the metrics (retries = attempts - requests, as for every other endpoint). The reads
 * that tell whether a complete landed are calls of their own, on jobs.get.
 */
class CompletionAsOneCallSpec :
  FunSpec({
    test("a complete confirmed by reading the job after its answer timed out: one call, ok") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        gateway
          .faults()
          .on("POST", "/api/jobs/*/complete")
          .next(Fault.delayHeaders(Duration.ofSeconds(2)))
          .thenPass()
        val events = CopyOnWriteArrayList<CallEvent>()
        val client = gateway.client { timeouts(shortComplete()).listener(events::add) }
        val job = client.createJob(JobSpec.of("x"))
        client.completeJob(job.jobId(), JobOutcome.completed()).confirmedByRead() shouldBe true
        val complete = events.told(Endpoint.JOBS_COMPLETE)
        withClue(complete.joinToString("\n")) {
          complete.size shouldBe 4
          complete[0] shouldBe "start"
          complete[1] shouldBe "attempt #1"
          complete[2] shouldStartWith "attempt #1 -> CallTimeoutException"
          complete[3] shouldBe "end ok after 1"
        }
        client.metrics().snapshot().endpoint("jobs.complete")!!.let {
          it.requests() shouldBe 1
          it.attempts() shouldBe 1
          it.failures() shouldBe 0
        }
        client.metrics().snapshot().endpoint("jobs.get")!!.requests() shouldBe 1
      }
    }

    test("a complete that stays unknown: one call, failed with CompletionUnknownException") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        gateway
          .faults()
          .on("POST", "/api/jobs/*/complete")
          .next(Fault.disconnectAfterRequest())
          .thenPass()
        val events = CopyOnWriteArrayList<CallEvent>()
        val clock = FakeClock()
        val client =
          gateway.client(sleeper = clock::sleep) {
            completionGrace(Duration.ofSeconds(3)).listener(events::add)
          }
        val job = client.createJob(JobSpec.of("x"))
        shouldThrow<CompletionUnknownException> {
          client.completeJob(job.jobId(), JobOutcome.completed())
        }
        val complete = events.told(Endpoint.JOBS_COMPLETE)
        withClue(complete.joinToString("\n")) {
          complete.first() shouldBe "start"
          complete.filter { it.startsWith("attempt #") && "->" in it }.size shouldBe 1
          complete.last() shouldBe "end CompletionUnknownException after 1"
        }
        client.metrics().snapshot().endpoint("jobs.complete")!!.let {
          it.requests() shouldBe 1
          it.failures() shouldBe 1
        }
        gateway.requestsTo("POST", "/complete") shouldBe 1
      }
    }

    test("503s past the retry budget: one failed call of three attempts and two retries") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        gateway.faults().on("POST", "/api/jobs/*/complete").thenAlways(Fault.status(503))
        val events = CopyOnWriteArrayList<CallEvent>()
        val client = gateway.client { listener(events::add) }
        val job = client.createJob(JobSpec.of("x"))
        shouldThrow<ServiceUnavailableException> {
          client.completeJob(job.jobId(), JobOutcome.completed())
        }
        val complete = events.told(Endpoint.JOBS_COMPLETE)
        withClue(complete.joinToString("\n")) {
          complete.filter { it.startsWith("retry") } shouldBe
            listOf("retry after #1", "retry after #2")
          complete.filter { it.startsWith("start") || it.startsWith("end") } shouldBe
            listOf("start", "end ServiceUnavailableException after 3")
        }
        client.metrics().snapshot().endpoint("jobs.complete")!!.let {
          it.requests() shouldBe 1
          it.attempts() shouldBe 3
          it.retries() shouldBe it.attempts() - it.requests()
          it.failures() shouldBe 1
        }
        gateway.requestsTo("POST", "/complete") shouldBe 3
        gateway.state().job(job.jobId()).completeCount() shouldBe 0
      }
    }
  })

/** The events told about [endpoint], each as a short line. */
private fun List<CallEvent>.told(endpoint: Endpoint): List<String> = filter {
  it.endpoint() == endpoint
}
  .mapNotNull { e ->
    when (e) {
      is CallStarted -> "start"
      is AttemptStarted -> "attempt #${e.attempt()}"
      is AttemptFinished ->
        "attempt #${e.attempt()} -> " + if (e.success()) "ok" else "${e.errorType() ?: e.status()}"
      is RetryScheduled -> "retry after #${e.attempt()}"
      is CallFinished -> "end ${if (e.success()) "ok" else e.errorType()} after ${e.attempts()}"
      else -> null
    }
  }
