package io.llmgateway.metrics;

import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An attempt is about to be sent. */
public final class AttemptStarted extends CallEvent {
  private final String requestId;
  private final int attempt;
  private final Duration timeout;

  public AttemptStarted(
      Provider provider,
      Endpoint endpoint,
      Instant time,
      String requestId,
      int attempt,
      Duration timeout) {
    super(provider, endpoint, time);
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.attempt = attempt;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  public String requestId() {
    return requestId;
  }

  /** 1 for the first attempt. */
  public int attempt() {
    return attempt;
  }

  /** This attempt's timeout (the endpoint's, cut to what the deadline leaves). */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "AttemptStarted{" + head() + ", requestId=" + requestId + ", attempt=" + attempt + "}";
  }
}
