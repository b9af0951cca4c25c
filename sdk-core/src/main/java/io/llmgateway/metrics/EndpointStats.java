package io.llmgateway.metrics;

import io.llmgateway.circuit.CircuitState;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The counters of one endpoint (or of all of them), at one moment. Calls are logical calls;
 * attempts and retries count what was sent. Latency is per call, waits included. Immutable.
 */
public final class EndpointStats {
  private final long requests;
  private final long successes;
  private final long failures;
  private final Map<String, Long> failuresByType;
  private final long attempts;
  private final long retries;
  private final long throttleWaits;
  private final Duration throttleWaitTime;
  private final @Nullable CircuitState circuitState;
  private final LatencyStats latency;

  EndpointStats(
      long requests,
      long successes,
      long failures,
      Map<String, Long> failuresByType,
      long attempts,
      long retries,
      long throttleWaits,
      Duration throttleWaitTime,
      @Nullable CircuitState circuitState,
      LatencyStats latency) {
    this.requests = requests;
    this.successes = successes;
    this.failures = failures;
    this.failuresByType = Map.copyOf(failuresByType);
    this.attempts = attempts;
    this.retries = retries;
    this.throttleWaits = throttleWaits;
    this.throttleWaitTime = throttleWaitTime;
    this.circuitState = circuitState;
    this.latency = latency;
  }

  /** Calls started. */
  public long requests() {
    return requests;
  }

  /** Calls that ended with a result. */
  public long successes() {
    return successes;
  }

  /** Calls that ended with an error. */
  public long failures() {
    return failures;
  }

  /** Failed calls by the simple class name of the error, e.g. {@code RateLimitedException}. */
  public Map<String, Long> failuresByType() {
    return failuresByType;
  }

  /** Attempts sent. */
  public long attempts() {
    return attempts;
  }

  public long retries() {
    return retries;
  }

  /** Times the rate limiter made a call wait. */
  public long throttleWaits() {
    return throttleWaits;
  }

  public Duration throttleWaitTime() {
    return throttleWaitTime;
  }

  /** The last reported circuit state; null when no breaker changed state (or for totals). */
  public @Nullable CircuitState circuitState() {
    return circuitState;
  }

  public LatencyStats latency() {
    return latency;
  }

  /** Failures over finished calls, 0 when none finished. */
  public double errorRate() {
    long finished = successes + failures;
    return finished == 0 ? 0 : (double) failures / finished;
  }

  @Override
  public String toString() {
    return "EndpointStats{requests="
        + requests
        + ", successes="
        + successes
        + ", failures="
        + failures
        + " "
        + failuresByType
        + ", attempts="
        + attempts
        + ", retries="
        + retries
        + ", throttleWaits="
        + throttleWaits
        + " ("
        + throttleWaitTime
        + "), circuit="
        + circuitState
        + ", errorRate="
        + errorRate()
        + ", "
        + latency
        + "}";
  }
}
