package io.llmgateway.error;

/** 503: overload or maintenance. Retryable, with longer delays. */
public final class ServiceUnavailableException extends ServerException {
  private static final long serialVersionUID = 1L;

  public ServiceUnavailableException(String message, ErrorDetails details) {
    super(message, details, null);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
