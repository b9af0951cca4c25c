package io.llmgateway.coroutines

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.llmgateway.circuit.CircuitBreakerConfig
import io.llmgateway.circuit.CircuitBreakerRegistry
import io.llmgateway.circuit.CircuitState
import io.llmgateway.error.Provider
import io.llmgateway.jobs.JobSpec
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import kotlin.coroutines.cancellation.CancellationException
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.withTimeoutOrNull

/**
 * The caller's own timeout or cancellation, on a real clock over loopback: it propagates as the
 * cancellation it is, cancels the HTTP call at once, is never retried, and the breaker does not
 * count it.
 */
class OuterCancellationSpec :
  FunSpec({
    val breakers = {
      CircuitBreakerRegistry.of(CircuitBreakerConfig.consecutiveFailures(1, Duration.ofMinutes(1)))
    }

    test("withTimeoutOrNull around a slow call returns null, cancels it, counts nothing") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        val registry = breakers()
        val client = gateway.suspendingClient { circuitBreakers(registry) }
        val job = client.createJob(JobSpec.of("x"))
        gateway.faults().on("GET", "/api/jobs/*").next(Fault.delayHeaders(Duration.ofSeconds(3)))
        val started = System.nanoTime()
        runBlocking { withTimeoutOrNull(300) { client.getJob(job.jobId()) } } shouldBe null
        (System.nanoTime() - started) / 1_000_000 shouldBeLessThan 2_000L
        gateway.requestsTo("GET", "/api/jobs/${job.jobId()}") shouldBe 1
        registry.breaker(Provider.SAAS_LITELLM, Endpoint.JOBS_GET).state() shouldBe
          CircuitState.CLOSED
        registry.breaker(Provider.SAAS_LITELLM, Endpoint.JOBS_GET).bufferedCalls() shouldBe 0
        Thread.sleep(3_200) // past the slow answer: no retry was sent meanwhile
        gateway.requestsTo("GET", "/api/jobs/${job.jobId()}") shouldBe 1
      }
    }

    test("withTimeout around a call throws its own TimeoutCancellationException") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        val client = gateway.suspendingClient()
        val job = client.createJob(JobSpec.of("x"))
        gateway.faults().on("GET", "/api/jobs/*").next(Fault.delayHeaders(Duration.ofSeconds(2)))
        shouldThrow<TimeoutCancellationException> {
          runBlocking { withTimeout(200) { client.getJob(job.jobId()) } }
        }
      }
    }

    test("a cancelled caller stops the call during its retry wait: no further attempt") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        val client = gateway.suspendingClient {
          retryPolicy(
            io.llmgateway.retry.RetryPolicy.saasLiteLlm().toBuilder().random { 0.5 }.build()
          )
        }
        val job = client.createJob(JobSpec.of("x"))
        gateway.faults().on("GET", "/api/jobs/*").next(Fault.status(503)).thenPass()
        runBlocking {
          val call = async { client.getJob(job.jobId()) }
          delay(300) // the 503 came back; the next attempt waits 1 s
          call.cancel()
          shouldThrow<CancellationException> { call.await() }
        }
        Thread.sleep(1_200) // past the retry's time
        gateway.requestsTo("GET", "/api/jobs/${job.jobId()}") shouldBe 1
      }
    }
  })
