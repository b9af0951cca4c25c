package io.llmgateway.pipeline

import io.llmgateway.circuit.CircuitBreakerConfig
import io.llmgateway.circuit.CircuitBreakerRegistry
import io.llmgateway.error.Provider
import io.llmgateway.internal.call.AttemptContext
import io.llmgateway.internal.call.ResilientExecutor
import io.llmgateway.metrics.CallEvent
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeClock
import java.time.Duration
import java.time.Instant
import java.util.Collections

/** An executor wired to a fake clock, a recording sleeper and an event list. */
class Harness(
  retry: RetryPolicy = RetryPolicy.saasLiteLlm().toBuilder().random { 0.5 }.build(),
  breakers: CircuitBreakerConfig =
    CircuitBreakerConfig.consecutiveFailures(5, Duration.ofSeconds(60)),
  rateLimit: RateLimitConfig = RateLimitConfig.ofDefaults(),
  timeouts: Timeouts = Timeouts.ofDefaults(),
  configure: ResilientExecutor.Builder.() -> Unit = {},
) {
  val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
  val sleeper = clock
  val events: MutableList<CallEvent> = Collections.synchronizedList(mutableListOf())
  val registry: CircuitBreakerRegistry = CircuitBreakerRegistry.of(breakers)
  val limiter: RateLimiter = RateLimiter.of(rateLimit)
  val executor: ResilientExecutor =
    ResilientExecutor.builder()
      .provider(Provider.HIVEOPS)
      .retryPolicy(retry)
      .timeouts(timeouts)
      .circuitBreakers(registry)
      .rateLimiter(limiter)
      .clock(clock)
      .sleeper(sleeper::sleep)
      .logging(false)
      .listener { events += it }
      .apply(configure)
      .build()

  fun <T : Any> run(
    endpoint: Endpoint = Endpoint.CHAT_COMPLETIONS,
    options: CallOptions = CallOptions.defaults(),
    attempt: (AttemptContext) -> T,
  ): T = executor.execute(endpoint, options) { attempt(it) }

  inline fun <reified E : CallEvent> eventsOf(): List<E> =
    synchronized(events) { events.filterIsInstance<E>() }
}
