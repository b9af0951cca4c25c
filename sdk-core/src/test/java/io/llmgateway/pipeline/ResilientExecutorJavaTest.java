package io.llmgateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.llmgateway.circuit.CircuitBreakerConfig;
import io.llmgateway.circuit.CircuitBreakerRegistry;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.RateLimitedException;
import io.llmgateway.internal.call.ResilientExecutor;
import io.llmgateway.metrics.CallEvent;
import io.llmgateway.metrics.EndpointStats;
import io.llmgateway.metrics.RetryScheduled;
import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.retry.Jitter;
import io.llmgateway.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a Java user configures the executor and the retry policy. */
class ResilientExecutorJavaTest {

  /** A clock that the sleeper moves forward: no real waiting in tests. */
  static final class SteppingClock extends Clock {
    private Instant now = Instant.parse("2026-03-20T12:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final SteppingClock clock = new SteppingClock();
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<CallEvent> events = new ArrayList<>();

  private ResilientExecutor executor() {
    RetryPolicy retry =
        RetryPolicy.custom()
            .maxAttempts(3)
            .maxAttempts(RateLimitedException.class, 5)
            .backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(32), Jitter.proportional(0.25))
            .maxWait(Duration.ofSeconds(30))
            .random(() -> 0.5) // no jitter in this test
            .build();
    return ResilientExecutor.builder()
        .provider(Provider.HIVEOPS)
        .retryPolicy(retry)
        .timeouts(
            Timeouts.custom().timeout(Endpoint.CHAT_COMPLETIONS, Duration.ofSeconds(45)).build())
        .circuitBreakers(
            CircuitBreakerRegistry.of(
                CircuitBreakerConfig.consecutiveFailures(5, Duration.ofSeconds(60))))
        .rateLimiter(RateLimiter.of(RateLimitConfig.hiveOps()))
        .listener(events::add)
        .clock(clock)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(d);
            })
        .build();
  }

  private static RateLimitedException rateLimited() {
    return new RateLimitedException(
        "HTTP 429 rate limited [hiveops]",
        ErrorDetails.builder(Provider.HIVEOPS).status(429).build());
  }

  @Test
  void retriesARateLimitThenSucceeds() {
    ResilientExecutor executor = executor();
    String answer =
        executor.execute(
            Endpoint.CHAT_COMPLETIONS,
            CallOptions.builder().estimatedTokens(500).build(),
            ctx -> {
              assertEquals(Duration.ofSeconds(45), ctx.timeout());
              if (ctx.attempt() < 4) {
                throw rateLimited();
              }
              ctx.recordUsage(420);
              return "hello from attempt " + ctx.attempt();
            });

    assertEquals("hello from attempt 4", answer);
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
    long retries = events.stream().filter(e -> e instanceof RetryScheduled).count();
    assertEquals(3, retries);
    EndpointStats stats = executor.metrics().snapshot().endpoint("chat.completions");
    assertEquals(1, stats.successes());
    assertEquals(4, stats.attempts());
  }

  @Test
  void neverRetriesInsufficientCredits() {
    ResilientExecutor executor = executor();
    assertThrows(
        InsufficientCreditsException.class,
        () ->
            executor.execute(
                Endpoint.CHAT_COMPLETIONS,
                ctx -> {
                  throw new InsufficientCreditsException(
                      "HTTP 403 insufficient balance [hiveops]",
                      ErrorDetails.builder(Provider.HIVEOPS).status(403).build());
                }));
    assertEquals(List.of(), sleeps);
  }
}
