package io.llmgateway.cli;

/** A usage problem the user can fix with a flag or a variable; exit code 2, no stack trace. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
