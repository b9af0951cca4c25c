package io.llmgateway.error;

/** SaaS LiteLLM {@code Team access is paused} (403 on the real server, 429 in some docs). */
public final class TeamPausedException extends PermissionDeniedException {
  private static final long serialVersionUID = 1L;

  public TeamPausedException(String message, ErrorDetails details) {
    super(message, details);
  }
}
