package io.llmgateway.metrics;

import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An attempt ended: success, or an error named by its type. */
public final class AttemptFinished extends CallEvent {
  private final String requestId;
  private final int attempt;
  private final @Nullable Integer status;
  private final @Nullable String errorType;
  private final Duration latency;

  public AttemptFinished(
      Provider provider,
      Endpoint endpoint,
      Instant time,
      String requestId,
      int attempt,
      @Nullable Integer status,
      @Nullable String errorType,
      Duration latency) {
    super(provider, endpoint, time);
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.attempt = attempt;
    this.status = status;
    this.errorType = errorType;
    this.latency = Objects.requireNonNull(latency, "latency");
  }

  public String requestId() {
    return requestId;
  }

  public int attempt() {
    return attempt;
  }

  /** The HTTP status when the attempt failed with one; null on success or without a response. */
  public @Nullable Integer status() {
    return status;
  }

  /** The simple class name of the error, e.g. {@code RateLimitedException}; null on success. */
  public @Nullable String errorType() {
    return errorType;
  }

  public boolean success() {
    return errorType == null;
  }

  public Duration latency() {
    return latency;
  }

  @Override
  public String toString() {
    return "AttemptFinished{"
        + head()
        + ", requestId="
        + requestId
        + ", attempt="
        + attempt
        + (success() ? ", success" : ", status=" + status + ", error=" + errorType)
        + ", latency="
        + latency
        + "}";
  }
}
