package io.llmgateway.error;

import org.jspecify.annotations.Nullable;

/**
 * A timeout. Connect, read and attempt timeouts are retryable; a total timeout means the caller's
 * deadline (retries included) is spent, so it is not.
 */
public final class CallTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** Which clock ran out. */
  public enum Kind {
    /** The TCP or TLS connection was not established in time. */
    CONNECT,
    /** No bytes arrived in time once connected (also: idle between stream chunks). */
    READ,
    /** One attempt's own budget (the per-endpoint timeout) ran out. */
    ATTEMPT,
    /** The caller's overall deadline, retries included, ran out. */
    TOTAL
  }

  private final Kind kind;

  public CallTimeoutException(
      String message, ErrorDetails details, Kind kind, @Nullable Throwable cause) {
    super(message, details, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public boolean isRetryable() {
    return kind != Kind.TOTAL;
  }
}
