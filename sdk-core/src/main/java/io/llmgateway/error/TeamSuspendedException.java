package io.llmgateway.error;

/** SaaS LiteLLM {@code Team access is suspended}: an administrator suspended the team. */
public final class TeamSuspendedException extends PermissionDeniedException {
  private static final long serialVersionUID = 1L;

  public TeamSuspendedException(String message, ErrorDetails details) {
    super(message, details);
  }
}
