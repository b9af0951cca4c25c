package io.llmgateway.error;

/** A spending limit set on the client would be exceeded, or the balance is known to be empty. */
public final class BudgetExceededException extends LocalRejectionException {
  private static final long serialVersionUID = 1L;

  public BudgetExceededException(String message, ErrorDetails details) {
    super(message, details);
  }
}
