package io.llmgateway.metrics;

import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.retry.RetryDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A failed attempt will be retried after {@link #delay()}. */
public final class RetryScheduled extends CallEvent {
  private final String requestId;
  private final int attempt;
  private final Duration delay;
  private final RetryDecision.Reason reason;
  private final String errorType;

  public RetryScheduled(
      Provider provider,
      Endpoint endpoint,
      Instant time,
      String requestId,
      int attempt,
      Duration delay,
      RetryDecision.Reason reason,
      String errorType) {
    super(provider, endpoint, time);
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.attempt = attempt;
    this.delay = Objects.requireNonNull(delay, "delay");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.errorType = Objects.requireNonNull(errorType, "errorType");
  }

  public String requestId() {
    return requestId;
  }

  /** The attempt that failed (the retry is attempt + 1). */
  public int attempt() {
    return attempt;
  }

  public Duration delay() {
    return delay;
  }

  /** Where the wait came from: the backoff formula or a server hint. */
  public RetryDecision.Reason reason() {
    return reason;
  }

  public String errorType() {
    return errorType;
  }

  @Override
  public String toString() {
    return "RetryScheduled{"
        + head()
        + ", requestId="
        + requestId
        + ", attempt="
        + attempt
        + ", delay="
        + delay
        + ", reason="
        + reason
        + ", error="
        + errorType
        + "}";
  }
}
