package io.llmgateway.error;

/**
 * 403: the key is valid but may not do this. Instances of this class itself are the "other" denials
 * (a key of another team, a job of another team, a blocked account); the subtypes split the denials
 * that need a different reaction. Never retried.
 */
public sealed class PermissionDeniedException extends ApiException
    permits InsufficientCreditsException,
        TeamSuspendedException,
        TeamPausedException,
        ModelAccessDeniedException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(String message, ErrorDetails details) {
    super(message, details, null);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
