package io.llmgateway.error;

import org.jspecify.annotations.Nullable;

/**
 * An answer the SDK cannot use: a status no other type covers (1xx, 3xx), or a success whose body
 * is not what the endpoint returns. Not retryable.
 */
public final class UnexpectedResponseException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnexpectedResponseException(
      String message, ErrorDetails details, @Nullable Throwable cause) {
    super(message, details, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
