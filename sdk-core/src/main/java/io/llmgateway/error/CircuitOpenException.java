package io.llmgateway.error;

/**
 * The circuit breaker for this provider and endpoint is open after repeated server failures; {@link
 * #retryAfter()} says when it lets a trial call through.
 */
public final class CircuitOpenException extends LocalRejectionException {
  private static final long serialVersionUID = 1L;

  public CircuitOpenException(String message, ErrorDetails details) {
    super(message, details);
  }
}
