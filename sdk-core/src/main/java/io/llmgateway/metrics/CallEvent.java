package io.llmgateway.metrics;

import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of a call, as told to a {@link CallListener}. Sealed: switch over the subtypes. Every
 * event names the provider, the endpoint and the time it happened; call-scoped events also carry
 * the client request id. Immutable, and free of secrets (errors appear by type name only, plus the
 * already redacted exception on {@link CallFinished}).
 */
public abstract sealed class CallEvent
    permits CallStarted,
        AttemptStarted,
        AttemptFinished,
        RetryScheduled,
        Throttled,
        CircuitStateChanged,
        CallFinished,
        UsageReported,
        StreamEnded {
  private final Provider provider;
  private final Endpoint endpoint;
  private final Instant time;

  CallEvent(Provider provider, Endpoint endpoint, Instant time) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.time = Objects.requireNonNull(time, "time");
  }

  public Provider provider() {
    return provider;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** When it happened, by the executor's clock. */
  public Instant time() {
    return time;
  }

  String head() {
    return provider + " " + endpoint;
  }
}
