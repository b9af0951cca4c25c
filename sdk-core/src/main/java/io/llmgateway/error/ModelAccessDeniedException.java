package io.llmgateway.error;

/** SaaS LiteLLM: the team has no access to the model alias or group, or the group is inactive. */
public final class ModelAccessDeniedException extends PermissionDeniedException {
  private static final long serialVersionUID = 1L;

  public ModelAccessDeniedException(String message, ErrorDetails details) {
    super(message, details);
  }
}
