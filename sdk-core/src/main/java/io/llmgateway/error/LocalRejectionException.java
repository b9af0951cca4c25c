package io.llmgateway.error;

/** The SDK refused to send the call; nothing reached the gateway. */
public abstract sealed class LocalRejectionException extends LlmGatewayException
    permits CircuitOpenException, ThrottledException, BudgetExceededException {
  private static final long serialVersionUID = 1L;

  protected LocalRejectionException(String message, ErrorDetails details) {
    super(message, details, null);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
