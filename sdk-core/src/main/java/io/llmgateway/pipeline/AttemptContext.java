package io.llmgateway.pipeline;

import io.llmgateway.error.Provider;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.ratelimit.Reservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one attempt needs: its number, the call's request id, its timeout (the endpoint's, cut to
 * what the deadline leaves), and hooks to report rate-limit headers and token usage back to the
 * throttle. Thread-safe.
 */
public final class AttemptContext {
  private final CallContext call;
  private final int attempt;
  private final Duration timeout;
  private final Duration remaining;
  private final RateLimiter limiter;
  private final Reservation reservation;
  private final Clock clock;
  private final AtomicBoolean usageRecorded = new AtomicBoolean();

  /**
   * A context for attempt number {@code attempt} of {@code call}; for loops other than the blocking
   * one. {@code reservation} is what the throttle granted for this attempt.
   */
  public AttemptContext(
      CallContext call,
      int attempt,
      Duration timeout,
      Duration remaining,
      RateLimiter limiter,
      Reservation reservation,
      Clock clock) {
    this.call = call;
    this.attempt = attempt;
    this.timeout = timeout;
    this.remaining = remaining;
    this.limiter = limiter;
    this.reservation = reservation;
    this.clock = clock;
  }

  public CallContext call() {
    return call;
  }

  /** 1 for the first attempt. */
  public int attempt() {
    return attempt;
  }

  /** The client request id, the same on every attempt of the call. */
  public String requestId() {
    return call.requestId();
  }

  public Provider provider() {
    return call.provider();
  }

  public Endpoint endpoint() {
    return call.endpoint();
  }

  /** Apply this to the HTTP call (e.g. OkHttp's call timeout). */
  public Duration timeout() {
    return timeout;
  }

  /** Time left before the call's deadline when this attempt started. */
  public Duration remaining() {
    return remaining;
  }

  public Instant deadline() {
    return call.deadline();
  }

  /** Reports a successful response's rate-limit headers (errors report theirs automatically). */
  public void observe(RateLimitSnapshot snapshot) {
    limiter.observe(snapshot, clock.instant());
  }

  /**
   * Reports the tokens the response says it used, correcting the estimate reserved before the call.
   * Only the first report per attempt counts.
   */
  public void recordUsage(long actualTokens) {
    if (usageRecorded.compareAndSet(false, true)) {
      limiter.recordUsage(reservation, actualTokens, clock.instant());
    }
  }

  @Override
  public String toString() {
    return "AttemptContext{requestId="
        + call.requestId()
        + ", attempt="
        + attempt
        + ", timeout="
        + timeout
        + "}";
  }
}
