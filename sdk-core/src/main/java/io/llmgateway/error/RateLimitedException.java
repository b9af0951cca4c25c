package io.llmgateway.error;

/**
 * 429: too many requests or tokens. Retryable; {@link #retryAfter()} and {@link #rateLimit()} say
 * when.
 */
public final class RateLimitedException extends ApiException {
  private static final long serialVersionUID = 1L;

  public RateLimitedException(String message, ErrorDetails details) {
    super(message, details, null);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
