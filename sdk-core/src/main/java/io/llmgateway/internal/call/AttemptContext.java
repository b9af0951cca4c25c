package io.llmgateway.internal.call;

import io.llmgateway.cost.Cost;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.Provider;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.metrics.StreamEnded;
import io.llmgateway.metrics.UsageReported;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.ratelimit.Reservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

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
  private final CallListener listener;
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
      Clock clock,
      CallListener listener) {
    this.listener = listener;
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

  /** Tells the listeners what the answer used ({@link UsageReported}). */
  public void reportUsage(String model, @Nullable TokenUsage usage, Cost cost) {
    listener.onEvent(
        new UsageReported(
            call.provider(),
            call.endpoint(),
            clock.instant(),
            call.requestId(),
            model,
            usage,
            cost));
  }

  /** Tells the listeners that this attempt's stream ended ({@link StreamEnded}). */
  public void streamEnded(int chunks, @Nullable Throwable error) {
    Instant now = clock.instant();
    listener.onEvent(
        new StreamEnded(
            call.provider(),
            call.endpoint(),
            now,
            call.requestId(),
            chunks,
            Duration.between(call.startedAt(), now),
            error == null ? null : error.getClass().getSimpleName()));
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
