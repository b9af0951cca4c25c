package io.llmgateway.error;

/**
 * The team's credits or the account's USD balance are used up (HiveOps {@code
 * insufficient_balance}, OpenAI {@code insufficient_quota}, SaaS LiteLLM credit texts). Never
 * retried, whatever status carried it, 429 included.
 */
public final class InsufficientCreditsException extends PermissionDeniedException {
  private static final long serialVersionUID = 1L;

  public InsufficientCreditsException(String message, ErrorDetails details) {
    super(message, details);
  }
}
