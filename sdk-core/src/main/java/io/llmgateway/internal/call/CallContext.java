package io.llmgateway.internal.call;

import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Duration;
import java.time.Instant;

/**
 * What is fixed for one logical call across all its attempts: the client request id (send it as
 * {@value #REQUEST_ID_HEADER}), provider, endpoint, start, deadline and per-attempt timeout.
 * Immutable.
 */
public final class CallContext {
  /** The header that carries {@link #requestId()} on every attempt. */
  public static final String REQUEST_ID_HEADER = "X-Client-Request-Id";

  private final String requestId;
  private final Provider provider;
  private final Endpoint endpoint;
  private final Instant startedAt;
  private final Instant deadline;
  private final Duration attemptTimeout;

  CallContext(
      String requestId,
      Provider provider,
      Endpoint endpoint,
      Instant startedAt,
      Instant deadline,
      Duration attemptTimeout) {
    this.requestId = requestId;
    this.provider = provider;
    this.endpoint = endpoint;
    this.startedAt = startedAt;
    this.deadline = deadline;
    this.attemptTimeout = attemptTimeout;
  }

  /** Stable across retries; UUID-shaped unless the caller chose one. */
  public String requestId() {
    return requestId;
  }

  public Provider provider() {
    return provider;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** When the whole call, retries included, must be over. */
  public Instant deadline() {
    return deadline;
  }

  /** The configured per-attempt timeout (before cutting to the deadline). */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  @Override
  public String toString() {
    return "CallContext{requestId="
        + requestId
        + ", "
        + provider
        + " "
        + endpoint
        + ", deadline="
        + deadline
        + "}";
  }
}
