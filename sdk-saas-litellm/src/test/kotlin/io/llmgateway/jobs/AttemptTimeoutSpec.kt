package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.testing.fault.Fault
import java.time.Duration

/**
 * The per-endpoint attempt timeout bounds the whole attempt: waiting for the answer and reading it.
 */
class AttemptTimeoutSpec :
  FunSpec({
    fun short(endpoint: Endpoint): Timeouts =
      Timeouts.custom().timeout(endpoint, Duration.ofMillis(300)).build()

    test("no answer within the attempt timeout is an ATTEMPT timeout, retried as the guide says") {
      fake().use { gateway ->
        gateway.faults().on("GET", "/api/jobs/*").times(3, Fault.noResponse()).thenPass()
        val sleeper = NoSleep()
        val client = gateway.client(sleeper = sleeper) { timeouts(short(Endpoint.JOBS_GET)) }
        val job = client.createJob(JobSpec.of("t"))
        val started = System.nanoTime()
        val error = shouldThrow<CallTimeoutException> { client.getJob(job.jobId()) }
        error.kind() shouldBe CallTimeoutException.Kind.ATTEMPT
        gateway.requestsTo("GET", "/api/jobs/${job.jobId()}") shouldBe 3
        sleeper.waits.size shouldBe 2
        (System.nanoTime() - started) / 1_000_000 shouldBeLessThan 5_000L
      }
    }

    test("an answer whose body stalls past the attempt timeout is an ATTEMPT timeout too") {
      fake().use { gateway ->
        val client = gateway.client { timeouts(short(Endpoint.JOBS_LLM_CALL)) }
        val job = client.createJob(JobSpec.of("t"))
        gateway
          .faults()
          .on("POST", "/api/jobs/*/llm-call")
          .thenAlways(Fault.stallBody(20, Duration.ofSeconds(5)))
        val started = System.nanoTime()
        val error = shouldThrow<CallTimeoutException> { client.llmCall(job.jobId(), question()) }
        error.kind() shouldBe CallTimeoutException.Kind.ATTEMPT
        (System.nanoTime() - started) / 1_000_000 shouldBeLessThan 5_000L
      }
    }

    test("an answer in time is not touched by the timeout that would have bounded it") {
      fake().use { gateway ->
        val client = gateway.client { timeouts(short(Endpoint.JOBS_LLM_CALL)) }
        val job = client.createJob(JobSpec.of("t"))
        repeat(3) { client.llmCall(job.jobId(), question()).content()!!.isNotEmpty() shouldBe true }
        Thread.sleep(500) // past every deadline of those calls
        client.llmCall(job.jobId(), question()).content()!!.isNotEmpty() shouldBe true
        client.metrics().snapshot().total().failures() shouldBe 0L
      }
    }
  })
