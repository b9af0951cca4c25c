package io.llmgateway.circuit

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.ErrorDetails
import io.llmgateway.error.Provider
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.Errors
import io.llmgateway.testing.FakeClock
import java.time.Duration
import java.time.Instant

class CircuitBreakerSpec :
  FunSpec({
    val endpoint = Endpoint.CHAT_COMPLETIONS

    fun breaker(
      config: CircuitBreakerConfig =
        CircuitBreakerConfig.consecutiveFailures(5, Duration.ofSeconds(60)),
      changes: MutableList<Pair<CircuitState, CircuitState>> = mutableListOf(),
    ) = CircuitBreaker(Provider.HIVEOPS, endpoint, config) { _, from, to -> changes += from to to }

    test("the guide's 5 failures, 60 s breaker is one line") {
      val c = CircuitBreakerConfig.consecutiveFailures(5, Duration.ofSeconds(60))
      c.slidingWindowSize() shouldBe 5
      c.minimumNumberOfCalls() shouldBe 5
      c.failureRateThreshold() shouldBe 100f
      c.waitDurationInOpenState() shouldBe Duration.ofSeconds(60)
      c.permittedNumberOfCallsInHalfOpenState() shouldBe 1
    }

    test("closed -> open after 5 failures -> half-open after 60 s -> closed on a success") {
      val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
      val changes = mutableListOf<Pair<CircuitState, CircuitState>>()
      val b = breaker(changes = changes)
      repeat(4) {
        b.tryAcquire(clock.instant()) shouldBe true
        b.onFailure(Errors.unavailable(), clock.instant())
      }
      b.state() shouldBe CircuitState.CLOSED
      b.tryAcquire(clock.instant()) shouldBe true
      b.onFailure(Errors.internal(), clock.instant())
      b.state() shouldBe CircuitState.OPEN
      b.tryAcquire(clock.instant()) shouldBe false
      clock.advance(Duration.ofSeconds(45))
      b.retryAfter(clock.instant()) shouldBe Duration.ofSeconds(15)
      b.tryAcquire(clock.instant()) shouldBe false
      clock.advance(Duration.ofSeconds(15))
      b.tryAcquire(clock.instant()) shouldBe true
      b.state() shouldBe CircuitState.HALF_OPEN
      b.tryAcquire(clock.instant()) shouldBe false // only one trial call
      b.onSuccess(clock.instant())
      b.state() shouldBe CircuitState.CLOSED
      changes shouldBe
        listOf(
          CircuitState.CLOSED to CircuitState.OPEN,
          CircuitState.OPEN to CircuitState.HALF_OPEN,
          CircuitState.HALF_OPEN to CircuitState.CLOSED,
        )
    }

    test("half-open -> open again when the trial call fails") {
      val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
      val changes = mutableListOf<Pair<CircuitState, CircuitState>>()
      val b = breaker(changes = changes)
      repeat(5) {
        b.tryAcquire(clock.instant())
        b.onFailure(Errors.unavailable(), clock.instant())
      }
      clock.advance(Duration.ofSeconds(60))
      b.tryAcquire(clock.instant()) shouldBe true
      b.onFailure(Errors.connectionFailed(), clock.instant())
      b.state() shouldBe CircuitState.OPEN
      b.retryAfter(clock.instant()) shouldBe Duration.ofSeconds(60)
      changes.last() shouldBe (CircuitState.HALF_OPEN to CircuitState.OPEN)
    }

    test("429s are the gateway asking for less traffic: they never open the breaker") {
      val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
      val b = breaker()
      repeat(50) {
        b.tryAcquire(clock.instant()) shouldBe true
        b.onFailure(Errors.rateLimited(), clock.instant())
      }
      b.state() shouldBe CircuitState.CLOSED
    }

    test("a success in between resets the consecutive count") {
      val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
      val b = breaker()
      repeat(3) {
        repeat(4) { b.onFailure(Errors.unavailable(), clock.instant()) }
        b.onSuccess(clock.instant())
      }
      b.state() shouldBe CircuitState.CLOSED
    }

    test("4xx, insufficient credits, local rejections and cancellations are never counted") {
      val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
      val b = breaker()
      repeat(20) {
        b.tryAcquire(clock.instant()) shouldBe true
        listOf(
            Errors.badRequest(),
            Errors.unauthorized(),
            Errors.forbidden(),
            Errors.notFound(),
            Errors.validation(),
            Errors.insufficientCredits(429),
            io.llmgateway.error.ThrottledException("throttled", ErrorDetails.of(Provider.HIVEOPS)),
            CallTimeoutException(
              "deadline",
              ErrorDetails.of(Provider.HIVEOPS),
              CallTimeoutException.Kind.TOTAL,
              null,
            ),
          )
          .forEach { b.onFailure(it, clock.instant()) }
        b.release()
      }
      b.state() shouldBe CircuitState.CLOSED
      b.bufferedCalls() shouldBe 0
    }

    test("an ignored outcome gives back the half-open permit") {
      val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
      val b = breaker()
      repeat(5) { b.onFailure(Errors.unavailable(), clock.instant()) }
      clock.advance(Duration.ofSeconds(60))
      b.tryAcquire(clock.instant()) shouldBe true
      b.onFailure(Errors.badRequest(), clock.instant())
      b.state() shouldBe CircuitState.HALF_OPEN
      b.tryAcquire(clock.instant()) shouldBe true
    }

    test("a slow call admitted before the breaker opened does not decide the half-open state") {
      val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
      val b = breaker()
      b.tryAcquire(clock.instant()) shouldBe true // a long stream starts while closed
      repeat(5) { b.onFailure(Errors.unavailable(), clock.instant()) }
      clock.advance(Duration.ofSeconds(60))
      b.tryAcquire(clock.instant()) shouldBe true // the trial call
      b.onFailure(Errors.badRequest(), clock.instant()) // ignored: gives the permit back
      b.onFailure(Errors.unavailable(), clock.instant()) // the old stream fails late
      b.state() shouldBe CircuitState.HALF_OPEN
      b.tryAcquire(clock.instant()) shouldBe true
      b.onSuccess(clock.instant())
      b.state() shouldBe CircuitState.CLOSED
    }

    test("rate-based window opens at the threshold once the minimum number of calls is reached") {
      val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
      val config =
        CircuitBreakerConfig.custom()
          .slidingWindowSize(10)
          .minimumNumberOfCalls(10)
          .failureRateThreshold(50f)
          .build()
      val b = breaker(config)
      repeat(4) { b.onFailure(Errors.unavailable(), clock.instant()) }
      repeat(5) { b.onSuccess(clock.instant()) }
      b.state() shouldBe CircuitState.CLOSED // 9 calls: below the minimum
      b.onFailure(Errors.unavailable(), clock.instant())
      b.state() shouldBe CircuitState.OPEN // 5 of 10 failed: 50 %
      val other = breaker(config)
      repeat(4) { other.onFailure(Errors.unavailable(), clock.instant()) }
      repeat(6) { other.onSuccess(clock.instant()) }
      other.state() shouldBe CircuitState.CLOSED // 40 %
    }

    test("the registry keeps one breaker per provider and endpoint") {
      val registry =
        CircuitBreakerRegistry.builder()
          .config(
            Endpoint.JOBS_COMPLETE,
            CircuitBreakerConfig.consecutiveFailures(2, Duration.ofSeconds(5)),
          )
          .build()
      val a = registry.breaker(Provider.HIVEOPS, endpoint)
      (registry.breaker(Provider.HIVEOPS, Endpoint.of("chat.completions")) === a) shouldBe true
      (registry.breaker(Provider.SAAS_LITELLM, endpoint) === a) shouldBe false
      registry
        .breaker(Provider.SAAS_LITELLM, Endpoint.JOBS_COMPLETE)
        .config()
        .slidingWindowSize() shouldBe 2
      registry.breakers().size shouldBe 3
    }
  })
