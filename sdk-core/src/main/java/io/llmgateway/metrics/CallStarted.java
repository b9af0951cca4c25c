package io.llmgateway.metrics;

import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Instant;
import java.util.Objects;

/** A logical call began (before throttling and the first attempt). */
public final class CallStarted extends CallEvent {
  private final String requestId;

  public CallStarted(Provider provider, Endpoint endpoint, Instant time, String requestId) {
    super(provider, endpoint, time);
    this.requestId = Objects.requireNonNull(requestId, "requestId");
  }

  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "CallStarted{" + head() + ", requestId=" + requestId + "}";
  }
}
