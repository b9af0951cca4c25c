package io.llmgateway.coroutines

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.circuit.CircuitBreakerConfig
import io.llmgateway.circuit.CircuitBreakerRegistry
import io.llmgateway.circuit.CircuitState
import io.llmgateway.coroutines.internal.executeSuspending
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.Provider
import io.llmgateway.metrics.CallEvent
import io.llmgateway.metrics.CallFinished
import io.llmgateway.metrics.RetryScheduled
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.ResilientExecutor
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.retry.RetryPolicy
import java.time.Duration
import kotlin.coroutines.cancellation.CancellationException
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.withTimeoutOrNull

/**
 * The caller's own timeout or cancellation is not an attempt failure: it propagates as the
 * cancellation it is, is never retried, and the breaker does not count it. The attempt's own
 * timeout still is a typed, counted failure.
 */
class OuterCancellationSpec :
  FunSpec({
    class Setup(scope: TestScope, policy: RetryPolicy, attemptTimeout: Duration) {
      val events = mutableListOf<CallEvent>()
      val breakers =
        CircuitBreakerRegistry.of(
          CircuitBreakerConfig.consecutiveFailures(1, Duration.ofMinutes(1))
        )
      val executor: ResilientExecutor =
        ResilientExecutor.builder()
          .provider(Provider.SAAS_LITELLM)
          .retryPolicy(policy)
          .timeouts(Timeouts.custom().timeout(Endpoint.JOBS_GET, attemptTimeout).build())
          .circuitBreakers(breakers)
          .listener { events += it }
          .clock(scope.virtualClock())
          .logging(false)
          .build()

      val breaker
        get() = breakers.breaker(Provider.SAAS_LITELLM, Endpoint.JOBS_GET)

      var attempts = 0

      suspend fun slowCall(): String =
        executor.executeSuspending(Endpoint.JOBS_GET, CallOptions.defaults()) {
          attempts++
          delay(60_000)
          "late"
        }

      fun finished(): CallFinished = events.filterIsInstance<CallFinished>().single()
    }

    test("withTimeoutOrNull around a call returns null, and the breaker counts nothing") {
      runTest {
        // No retries: counted as a failure, the caller's timeout would come out as ATTEMPT.
        val s = Setup(this, RetryPolicy.none(), Duration.ofSeconds(10))
        withTimeoutOrNull(5_000) { s.slowCall() } shouldBe null
        currentTime shouldBe 5_000L
        s.attempts shouldBe 1
        s.events.filterIsInstance<RetryScheduled>().shouldBeEmpty()
        s.breaker.state() shouldBe CircuitState.CLOSED
        s.breaker.bufferedCalls() shouldBe 0
        s.finished().error().shouldBeInstanceOf<CancellationException>()
      }
    }

    test("withTimeout around a call throws its own TimeoutCancellationException") {
      runTest {
        val s = Setup(this, RetryPolicy.saasLiteLlm(), Duration.ofSeconds(10))
        shouldThrow<TimeoutCancellationException> { withTimeout(5_000) { s.slowCall() } }
        s.attempts shouldBe 1
        s.breaker.bufferedCalls() shouldBe 0
      }
    }

    test("a cancelled caller stops the call where it is: no retry, nothing counted") {
      runTest {
        val s = Setup(this, RetryPolicy.saasLiteLlm(), Duration.ofSeconds(10))
        val call = async { s.slowCall() }
        delay(3_000)
        call.cancel()
        shouldThrow<CancellationException> { call.await() }
        currentTime shouldBe 3_000L
        s.attempts shouldBe 1
        s.events.filterIsInstance<RetryScheduled>().shouldBeEmpty()
        s.breaker.bufferedCalls() shouldBe 0
      }
    }

    test("the attempt's own timeout still is a typed ATTEMPT failure the breaker counts") {
      runTest {
        val s = Setup(this, RetryPolicy.none(), Duration.ofSeconds(10))
        val e = shouldThrow<CallTimeoutException> { withTimeoutOrNull(60_000) { s.slowCall() } }
        e.kind() shouldBe CallTimeoutException.Kind.ATTEMPT
        currentTime shouldBe 10_000L
        s.breaker.state() shouldBe CircuitState.OPEN
      }
    }
  })
