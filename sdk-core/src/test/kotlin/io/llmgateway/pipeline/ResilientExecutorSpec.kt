package io.llmgateway.pipeline

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.llmgateway.circuit.CircuitState
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.CircuitOpenException
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.error.Provider
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.error.ThrottledException
import io.llmgateway.internal.call.CallContext
import io.llmgateway.internal.http.HeaderLookup
import io.llmgateway.internal.http.ServerHints
import io.llmgateway.metrics.AttemptFinished
import io.llmgateway.metrics.AttemptStarted
import io.llmgateway.metrics.CallFinished
import io.llmgateway.metrics.CallStarted
import io.llmgateway.metrics.CircuitStateChanged
import io.llmgateway.metrics.RetryScheduled
import io.llmgateway.metrics.Throttled
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimitSnapshot
import io.llmgateway.retry.RetryDecision
import io.llmgateway.retry.RetryPolicy
import java.time.Duration

class ResilientExecutorSpec :
  FunSpec({
    test("retries a 503 twice then succeeds, with the same request id on every attempt") {
      val h = Harness()
      val seen = mutableListOf<Pair<Int, String>>()
      val result = h.run {
        seen += it.attempt() to it.requestId()
        if (it.attempt() < 3) throw Errors.unavailable() else "ok"
      }
      result shouldBe "ok"
      seen.map { it.first } shouldBe listOf(1, 2, 3)
      seen.map { it.second }.toSet().size shouldBe 1
      h.sleeper.sleeps shouldBe listOf(Duration.ofSeconds(1), Duration.ofSeconds(2))
      h.events.map { it::class.simpleName } shouldBe
        listOf(
          "CallStarted",
          "AttemptStarted",
          "AttemptFinished",
          "RetryScheduled",
          "AttemptStarted",
          "AttemptFinished",
          "RetryScheduled",
          "AttemptStarted",
          "AttemptFinished",
          "CallFinished",
        )
      h.eventsOf<CallStarted>().single().requestId() shouldBe seen[0].second
      CallContext.REQUEST_ID_HEADER shouldBe "X-Client-Request-Id"
    }

    test("a caller-chosen request id rides every attempt") {
      val h = Harness()
      val ids = mutableListOf<String>()
      h.run(options = CallOptions.builder().requestId("req-42").build()) {
        ids += it.requestId()
        if (it.attempt() == 1) throw Errors.readTimeout() else Unit
      }
      ids shouldBe listOf("req-42", "req-42")
    }

    test("Retry-After precedence: retry-after-ms beats Retry-After beats the rate-limit reset") {
      fun waitFor(headers: Map<String, String>): Duration {
        val h = Harness()
        val now = h.clock.instant()
        val reset = RateLimitSnapshot(60, 0, now.plusSeconds(20), null, null, null)
        val lookup = HeaderLookup.of(headers.mapValues { listOf(it.value) })
        val hint = ServerHints.retryAfter(lookup, reset, now)
        h.run { if (it.attempt() == 1) throw Errors.rateLimited(hint, reset) else Unit }
        val retry = h.eventsOf<RetryScheduled>().single()
        retry.reason() shouldBe RetryDecision.Reason.SERVER_HINT
        // the throttle then also waits out the exhausted window the 429 reported
        h.sleeper.total() shouldBe maxOf(Duration.ofSeconds(20), retry.delay())
        return retry.delay()
      }
      waitFor(mapOf("retry-after-ms" to "1500", "retry-after" to "7")) shouldBe
        Duration.ofMillis(1500)
      waitFor(mapOf("retry-after" to "7")) shouldBe Duration.ofSeconds(7)
      waitFor(mapOf("retry-after" to "Fri, 20 Mar 2026 12:00:09 GMT")) shouldBe
        Duration.ofSeconds(9)
      waitFor(mapOf()) shouldBe Duration.ofSeconds(20)
    }

    test("server asks 90 s with a 30 s deadline: the typed error at once, no sleep") {
      val h =
        Harness(
          retry = RetryPolicy.saasLiteLlm().toBuilder().maxWait(Duration.ofMinutes(5)).build()
        )
      var attempts = 0
      val e =
        shouldThrow<RateLimitedException> {
          h.run(options = CallOptions.builder().deadline(Duration.ofSeconds(30)).build()) {
            attempts++
            throw Errors.rateLimited(Duration.ofSeconds(90))
          }
        }
      e.retryAfter() shouldBe Duration.ofSeconds(90)
      attempts shouldBe 1
      h.sleeper.sleeps shouldBe emptyList()
    }

    test("the overall deadline includes retries and ends in CallTimeoutException TOTAL") {
      val h = Harness()
      val e =
        shouldThrow<CallTimeoutException> {
          h.run(options = CallOptions.builder().deadline(Duration.ofSeconds(30)).build()) {
            h.clock.advance(Duration.ofSeconds(20)) // each attempt is slow
            throw Errors.unavailable()
          }
        }
      e.kind() shouldBe CallTimeoutException.Kind.TOTAL
      e.isRetryable shouldBe false
      e.cause.shouldBeInstanceOf<ServiceUnavailableException>()
      h.eventsOf<AttemptStarted>().size shouldBe 2
      h.eventsOf<AttemptStarted>()[1].timeout() shouldBe Duration.ofSeconds(9)
    }

    test("per-attempt timeouts come from the endpoint table, per client and per call") {
      val client =
        Timeouts.custom().timeout(Endpoint.CHAT_COMPLETIONS, Duration.ofSeconds(45)).build()
      val h = Harness(timeouts = client)
      fun timeoutOf(endpoint: Endpoint, options: CallOptions = CallOptions.defaults()) =
        h.run(endpoint, options) { it.timeout() }
      timeoutOf(Endpoint.JOBS_CREATE) shouldBe Duration.ofSeconds(10)
      timeoutOf(Endpoint.JOBS_GET) shouldBe Duration.ofSeconds(10)
      timeoutOf(Endpoint.JOBS_LLM_CALL) shouldBe Duration.ofSeconds(60)
      timeoutOf(Endpoint.JOBS_COMPLETE) shouldBe Duration.ofSeconds(30)
      timeoutOf(Endpoint.JOBS_CREATE_AND_CALL) shouldBe Duration.ofSeconds(60)
      timeoutOf(Endpoint.JOBS_LLM_CALL_STREAM) shouldBe Duration.ofSeconds(120)
      timeoutOf(Endpoint.MODELS) shouldBe Duration.ofSeconds(30)
      timeoutOf(Endpoint.CHAT_COMPLETIONS) shouldBe Duration.ofSeconds(45)
      timeoutOf(
        Endpoint.CHAT_COMPLETIONS,
        CallOptions.builder().attemptTimeout(Duration.ofSeconds(5)).build(),
      ) shouldBe Duration.ofSeconds(5)
    }

    test("the default deadline is attempt timeout x attempts + the total wait cap") {
      val h = Harness()
      val deadline =
        h.run(Endpoint.JOBS_CREATE) { Duration.between(it.call().startedAt(), it.deadline()) }
      deadline shouldBe Duration.ofSeconds(10 * 3).plus(Duration.ofMinutes(2))
    }

    test("never retries a 4xx: thrown once, no sleep") {
      val h = Harness()
      var attempts = 0
      shouldThrow<LlmGatewayException> {
        h.run {
          attempts++
          throw Errors.badRequest()
        }
      }
      attempts shouldBe 1
      h.sleeper.sleeps shouldBe emptyList()
    }

    test("an unclassified exception is rethrown as is, never retried nor counted by the breaker") {
      val h = Harness()
      val boom = IllegalStateException("bug in the caller")
      repeat(10) {
        shouldThrow<IllegalStateException> { h.run { throw boom } } shouldBeSameInstanceAs boom
      }
      h.eventsOf<AttemptStarted>().size shouldBe 10
      h.registry.breaker(h.executor.provider(), Endpoint.CHAT_COMPLETIONS).state() shouldBe
        CircuitState.CLOSED
      h.eventsOf<CallFinished>().last().errorType() shouldBe "IllegalStateException"
    }

    test("an open circuit fails with CircuitOpenException without sending") {
      val h = Harness(retry = RetryPolicy.none())
      repeat(5) {
        shouldThrow<ServiceUnavailableException> { h.run { throw Errors.unavailable() } }
      }
      h.clock.advance(Duration.ofSeconds(10))
      var sent = false
      val e = shouldThrow<CircuitOpenException> { h.run { sent = true } }
      sent shouldBe false
      e.retryAfter() shouldBe Duration.ofSeconds(50)
      h.eventsOf<CircuitStateChanged>().map { it.to() } shouldBe listOf(CircuitState.OPEN)
      h.clock.advance(Duration.ofSeconds(50))
      h.run { "trial" } shouldBe "trial"
      h.eventsOf<CircuitStateChanged>().map { it.to() } shouldBe
        listOf(CircuitState.OPEN, CircuitState.HALF_OPEN, CircuitState.CLOSED)
    }

    test("a circuit that other calls open between retries ends the call, keeping the last error") {
      val h =
        Harness(
          breakers =
            io.llmgateway.circuit.CircuitBreakerConfig.consecutiveFailures(
              2,
              Duration.ofSeconds(60),
            )
        )
      var attempts = 0
      val e =
        shouldThrow<CircuitOpenException> {
          h.run {
            attempts++
            // Meanwhile two other calls fail for good and open the breaker.
            repeat(2) {
              shouldThrow<ServiceUnavailableException> {
                h.run(options = CallOptions.builder().retryPolicy(RetryPolicy.none()).build()) {
                  throw Errors.unavailable()
                }
              }
            }
            throw Errors.unavailable()
          }
        }
      attempts shouldBe 1
      e.suppressed.single().shouldBeInstanceOf<ServiceUnavailableException>()
    }

    test("the breaker counts calls, not attempts: one call's retries never open it") {
      val h =
        Harness(
          breakers =
            io.llmgateway.circuit.CircuitBreakerConfig.consecutiveFailures(
              2,
              Duration.ofSeconds(60),
            )
        )
      var attempts = 0
      h.run {
        if (++attempts < 3) throw Errors.unavailable()
        "ok"
      } shouldBe "ok"
      h.registry.breaker(Provider.HIVEOPS, Endpoint.CHAT_COMPLETIONS).state() shouldBe
        io.llmgateway.circuit.CircuitState.CLOSED
    }

    test("a 429's rate-limit headers throttle the next call until the reset") {
      val h = Harness(retry = RetryPolicy.none())
      val reset = h.clock.instant().plusSeconds(10)
      shouldThrow<RateLimitedException> {
        h.run {
          throw Errors.rateLimited(rateLimit = RateLimitSnapshot(60, 0, reset, null, null, null))
        }
      }
      h.run { "ok" }
      h.eventsOf<Throttled>().single().delay() shouldBe Duration.ofSeconds(10)
      h.sleeper.sleeps shouldBe listOf(Duration.ofSeconds(10))
    }

    test("throttling past the deadline fails fast with ThrottledException and retryAfter") {
      val h = Harness(rateLimit = RateLimitConfig.custom().requestsPerWindow(1).build())
      h.run { "first" }
      var sent = false
      val e =
        shouldThrow<ThrottledException> {
          h.run(options = CallOptions.builder().deadline(Duration.ofSeconds(5)).build()) {
            sent = true
          }
        }
      sent shouldBe false
      e.retryAfter() shouldBe Duration.ofSeconds(60)
      h.sleeper.sleeps shouldBe emptyList()
    }

    test("observe and recordUsage feed the throttle from a successful response") {
      val h = Harness(rateLimit = RateLimitConfig.hiveOps())
      h.run(options = CallOptions.builder().requestBytes(40_000).build()) {
        it.observe(RateLimitSnapshot(60, 10, h.clock.instant().plusSeconds(30), null, null, null))
        it.recordUsage(2_000)
      }
      val state = h.limiter.state(h.clock.instant())
      state.requests().remaining() shouldBe 10 // min(59 local, 10 from the server)
      state.tokens().remaining() shouldBe 148_000 // 10,000 estimated, 2,000 used
    }

    test("an interrupted wait stops the call, restores the flag and throws a typed error") {
      val h = Harness(configure = { sleeper { throw InterruptedException() } })
      val e = shouldThrow<CallInterruptedException> { h.run { throw Errors.unavailable() } }
      Thread.interrupted() shouldBe true // the flag was set; this also clears it
      e.requestId() shouldBe h.eventsOf<CallStarted>().single().requestId()
      h.eventsOf<CallFinished>().single().errorType() shouldBe "CallInterruptedException"
    }

    test("a listener that throws never fails the call") {
      val h = Harness(configure = { listener { throw IllegalStateException("listener bug") } })
      h.run { "fine" } shouldBe "fine"
      h.eventsOf<AttemptFinished>().single().success() shouldBe true
    }
  })
