package io.llmgateway.error;

/**
 * The rate-limit window has no room before the caller's deadline, so the SDK failed fast instead of
 * sending a call the gateway would answer with 429. {@link #retryAfter()} says when room opens.
 */
public final class ThrottledException extends LocalRejectionException {
  private static final long serialVersionUID = 1L;

  public ThrottledException(String message, ErrorDetails details) {
    super(message, details);
  }
}
