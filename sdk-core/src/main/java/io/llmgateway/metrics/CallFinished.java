package io.llmgateway.metrics;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A logical call ended, after all its attempts and waits. */
public final class CallFinished extends CallEvent {
  private final String requestId;
  private final int attempts;
  private final Duration latency;
  private final @Nullable Throwable error;

  public CallFinished(
      Provider provider,
      Endpoint endpoint,
      Instant time,
      String requestId,
      int attempts,
      Duration latency,
      @Nullable Throwable error) {
    super(provider, endpoint, time);
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.attempts = attempts;
    this.latency = Objects.requireNonNull(latency, "latency");
    this.error = error;
  }

  public String requestId() {
    return requestId;
  }

  /** Attempts sent (0 when throttling or the circuit refused the call). */
  public int attempts() {
    return attempts;
  }

  /** From the start of the call to its end, waits included. */
  public Duration latency() {
    return latency;
  }

  public boolean success() {
    return error == null;
  }

  /** The error the call failed with (the caller sees the same), or null. */
  public @Nullable Throwable error() {
    return error;
  }

  /** The simple class name of the error, or null on success. */
  public @Nullable String errorType() {
    return error == null ? null : error.getClass().getSimpleName();
  }

  /** The HTTP status of the error, when it has one. */
  public @Nullable Integer status() {
    return error instanceof LlmGatewayException ? ((LlmGatewayException) error).status() : null;
  }

  @Override
  public String toString() {
    return "CallFinished{"
        + head()
        + ", requestId="
        + requestId
        + ", attempts="
        + attempts
        + (success() ? ", success" : ", error=" + errorType())
        + ", latency="
        + latency
        + "}";
  }
}
