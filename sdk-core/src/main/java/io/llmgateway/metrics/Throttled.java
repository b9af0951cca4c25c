package io.llmgateway.metrics;

import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The rate limiter made the call wait {@link #delay()} for room in the window. */
public final class Throttled extends CallEvent {
  private final String requestId;
  private final Duration delay;

  public Throttled(
      Provider provider, Endpoint endpoint, Instant time, String requestId, Duration delay) {
    super(provider, endpoint, time);
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  public String requestId() {
    return requestId;
  }

  public Duration delay() {
    return delay;
  }

  @Override
  public String toString() {
    return "Throttled{" + head() + ", requestId=" + requestId + ", delay=" + delay + "}";
  }
}
