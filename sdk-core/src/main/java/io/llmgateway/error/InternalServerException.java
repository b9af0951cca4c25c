package io.llmgateway.error;

/**
 * 500. Retryable, unless the gateway's text shows a configuration problem or a request the provider
 * refuses, which a retry cannot fix (SaaS LiteLLM's {@code LLM call failed: 500: ...} causes).
 */
public final class InternalServerException extends ServerException {
  private static final long serialVersionUID = 1L;

  /** What failed behind the gateway, read from its {@code LLM call failed: 500: ...} text. */
  public enum UpstreamCause {
    /** Nothing more specific is known. Retryable. */
    UNKNOWN(true),
    /** The gateway has no credentials for the model's provider. Not retryable. */
    NO_PROVIDER_CREDENTIALS(false),
    /** The model's provider rate-limited the gateway (already retried server-side). Retryable. */
    PROVIDER_RATE_LIMIT(true),
    /** The model's provider refused the gateway's credentials. Not retryable. */
    PROVIDER_AUTHENTICATION(false),
    /** The team has no organization, so no provider can be routed. Not retryable. */
    MISSING_ORGANIZATION(false),
    /**
     * The provider answered with another error (a 5xx, an overload, a dropped connection).
     * Retryable.
     */
    PROVIDER_ERROR(true),
    /**
     * The provider refused the request itself with a 4xx (unknown model, a parameter out of range,
     * a context too long): the same request fails again. Not retryable.
     */
    PROVIDER_REJECTED_REQUEST(false);

    private final boolean retryable;

    UpstreamCause(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final UpstreamCause upstreamCause;

  public InternalServerException(
      String message, ErrorDetails details, UpstreamCause upstreamCause) {
    super(message, details, null);
    this.upstreamCause = upstreamCause;
  }

  public UpstreamCause upstreamCause() {
    return upstreamCause;
  }

  @Override
  public boolean isRetryable() {
    return upstreamCause.retryable();
  }
}
