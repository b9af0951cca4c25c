package io.llmgateway.error;

/** 422: the request failed validation; {@link #fieldErrors()} says where. Never retried. */
public final class ValidationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ValidationException(String message, ErrorDetails details) {
    super(message, details, null);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
