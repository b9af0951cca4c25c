package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.error.ModelAccessDeniedException
import io.llmgateway.metrics.AttemptFinished
import io.llmgateway.metrics.CallEvent
import io.llmgateway.metrics.CallFinished
import io.llmgateway.metrics.CallStarted
import io.llmgateway.metrics.RetryScheduled
import io.llmgateway.testing.fault.Fault
import java.util.Collections

/** Job-client calls feed the client's metrics and every listener: requests, retries, failures. */
class JobMetricsSpec :
  FunSpec({
    test("a retried create, a refused call and a stream are counted per endpoint") {
      fake().use { gateway ->
        val events = Collections.synchronizedList(mutableListOf<CallEvent>())
        val client = gateway.client { listener { events.add(it) } }
        gateway.faults().on("POST", "/api/jobs/create").next(Fault.status(503)).thenPass()

        val job = client.createJob(JobSpec.of("m"))
        shouldThrow<ModelAccessDeniedException> {
          client.llmCall(job.jobId(), question(model = "chat-premium"))
        }
        client.llmCall(job.jobId(), question())
        client.llmCallStream(job.jobId(), question()).use { it.readText() }

        val metrics = client.metrics().snapshot()
        val create = metrics.endpoint("jobs.create")!!
        create.requests() shouldBe 1
        create.attempts() shouldBe 2
        create.retries() shouldBe 1
        create.successes() shouldBe 1
        val call = metrics.endpoint("jobs.llm-call")!!
        call.requests() shouldBe 2
        call.failures() shouldBe 1
        call.failuresByType() shouldBe mapOf("ModelAccessDeniedException" to 1L)
        metrics
          .endpoint(io.llmgateway.pipeline.Endpoint.JOBS_LLM_CALL_STREAM.id())!!
          .successes() shouldBe 1

        val createEvents = events.filter { it.endpoint().id() == "jobs.create" }
        createEvents.count { it is CallStarted } shouldBe 1
        createEvents.count { it is AttemptFinished } shouldBe 2
        createEvents.filterIsInstance<RetryScheduled>().single().errorType() shouldBe
          "ServiceUnavailableException"
        createEvents.filterIsInstance<CallFinished>().single().success() shouldBe true
        events.filterIsInstance<CallFinished>().single { !it.success() }.errorType() shouldBe
          "ModelAccessDeniedException"
      }
    }
  })
