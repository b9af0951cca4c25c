package io.llmgateway.error;

/** 400 (and any other 4xx without a type of its own): the request is wrong; never retried. */
public sealed class BadRequestException extends ApiException permits InvalidModelException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message, ErrorDetails details) {
    super(message, details, null);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
