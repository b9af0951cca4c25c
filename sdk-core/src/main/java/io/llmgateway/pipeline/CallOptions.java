package io.llmgateway.pipeline;

import io.llmgateway.retry.RetryPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Per-call overrides: the attempt timeout, the overall deadline (retries and waits included), the
 * token estimate for throttling, the client request id, the retry policy. Everything is optional.
 * Immutable.
 */
public final class CallOptions {
  private static final CallOptions DEFAULTS = builder().build();

  private final @Nullable Duration attemptTimeout;
  private final @Nullable Duration deadline;
  private final @Nullable Long estimatedTokens;
  private final long requestBytes;
  private final @Nullable String requestId;
  private final @Nullable RetryPolicy retryPolicy;

  private CallOptions(Builder b) {
    this.attemptTimeout = b.attemptTimeout;
    this.deadline = b.deadline;
    this.estimatedTokens = b.estimatedTokens;
    this.requestBytes = b.requestBytes;
    this.requestId = b.requestId;
    this.retryPolicy = b.retryPolicy;
  }

  /** No overrides. */
  public static CallOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Overrides the endpoint's per-attempt timeout. */
  public @Nullable Duration attemptTimeout() {
    return attemptTimeout;
  }

  /** The whole call's budget from its start, retries and waits included. */
  public @Nullable Duration deadline() {
    return deadline;
  }

  /** The caller's token estimate for this call; wins over {@link #requestBytes()}. */
  public @Nullable Long estimatedTokens() {
    return estimatedTokens;
  }

  /** The request body size, used to estimate tokens; -1 when unknown. */
  public long requestBytes() {
    return requestBytes;
  }

  /** A client request id chosen by the caller; otherwise a UUID-shaped id unique in the process. */
  public @Nullable String requestId() {
    return requestId;
  }

  public @Nullable RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  @Override
  public String toString() {
    return "CallOptions{attemptTimeout="
        + attemptTimeout
        + ", deadline="
        + deadline
        + ", estimatedTokens="
        + estimatedTokens
        + ", requestBytes="
        + requestBytes
        + ", requestId="
        + requestId
        + "}";
  }

  /** Builds {@link CallOptions}; values are checked in {@link #build()}. */
  public static final class Builder {
    private @Nullable Duration attemptTimeout;
    private @Nullable Duration deadline;
    private @Nullable Long estimatedTokens;
    private long requestBytes = -1;
    private @Nullable String requestId;
    private @Nullable RetryPolicy retryPolicy;

    private Builder() {}

    public Builder attemptTimeout(@Nullable Duration attemptTimeout) {
      this.attemptTimeout = attemptTimeout;
      return this;
    }

    public Builder deadline(@Nullable Duration deadline) {
      this.deadline = deadline;
      return this;
    }

    public Builder estimatedTokens(long tokens) {
      this.estimatedTokens = tokens;
      return this;
    }

    public Builder requestBytes(long bytes) {
      this.requestBytes = bytes;
      return this;
    }

    public Builder requestId(@Nullable String requestId) {
      this.requestId = requestId;
      return this;
    }

    public Builder retryPolicy(@Nullable RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    public CallOptions build() {
      if (attemptTimeout != null && (attemptTimeout.isNegative() || attemptTimeout.isZero())) {
        throw new IllegalArgumentException("attemptTimeout must be positive");
      }
      if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
        throw new IllegalArgumentException("deadline must be positive");
      }
      if (estimatedTokens != null && estimatedTokens < 0) {
        throw new IllegalArgumentException("estimatedTokens must not be negative");
      }
      if (requestId != null && requestId.trim().isEmpty()) {
        throw new IllegalArgumentException("requestId is blank");
      }
      return new CallOptions(this);
    }
  }
}
