package io.llmgateway.error;

/** 401: the key is missing, malformed, unknown, expired or revoked. Never retried. */
public final class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Why the gateway refused the key, as far as its text tells. */
  public enum Reason {
    /** No Authorization header reached the gateway. */
    MISSING_HEADER,
    /** The header was not {@code Bearer <key>}. */
    MALFORMED_HEADER,
    /** The key is unknown, expired or revoked (gateways rarely say which). */
    INVALID_KEY,
    /** The gateway said the key expired. */
    EXPIRED_KEY,
    /**
     * The route is for admins ({@code X-Admin-Key} or an admin token): a team key, however valid,
     * is not accepted there.
     */
    ADMIN_REQUIRED,
    /** The text named no reason. */
    UNKNOWN
  }

  private final Reason reason;

  public AuthenticationException(String message, ErrorDetails details, Reason reason) {
    super(message, details, null);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
