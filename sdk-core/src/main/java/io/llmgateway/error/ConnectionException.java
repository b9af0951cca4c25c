package io.llmgateway.error;

import org.jspecify.annotations.Nullable;

/**
 * The connection failed: refused, reset, closed early, or the host is unknown. Retryable, except
 * TLS failures, which a retry does not fix.
 */
public final class ConnectionException extends TransportException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public ConnectionException(
      String message, ErrorDetails details, boolean retryable, @Nullable Throwable cause) {
    super(message, details, cause);
    this.retryable = retryable;
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
