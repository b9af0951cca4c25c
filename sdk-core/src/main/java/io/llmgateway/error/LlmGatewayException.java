package io.llmgateway.error;

import io.llmgateway.internal.Redaction;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error the SDK throws. Unchecked and sealed: a gateway's answer, a transport
 * failure, a cut stream or a local refusal is always one of its subtypes, never a raw {@code
 * IOException} or parser error. Messages and raw bodies never hold a key.
 */
public abstract sealed class LlmGatewayException extends RuntimeException
    permits ApiException, TransportException, StreamException, LocalRejectionException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorDetails details;

  protected LlmGatewayException(String message, ErrorDetails details, @Nullable Throwable cause) {
    super(Redaction.redact(message), cause);
    this.details = details;
  }

  /**
   * Whether the guides say this error is worth retrying as is: 429, 500, 503, timeouts and
   * connection failures are; caller mistakes, auth, permission and balance errors never are.
   */
  public abstract boolean isRetryable();

  public ErrorDetails details() {
    return details;
  }

  public Provider provider() {
    return details.provider();
  }

  /** The HTTP status, or null when no response arrived. */
  public @Nullable Integer status() {
    return details.status();
  }

  /** The gateway's own error text, redacted; empty when it sent none. */
  public String serverMessage() {
    return details.serverMessage();
  }

  public @Nullable String type() {
    return details.type();
  }

  public @Nullable String code() {
    return details.code();
  }

  public List<FieldError> fieldErrors() {
    return details.fieldErrors();
  }

  public @Nullable String requestId() {
    return details.requestId();
  }

  /** How long the server asked to wait, or null when it did not say. */
  public @Nullable Duration retryAfter() {
    return details.retryAfter();
  }

  public RateLimitSnapshot rateLimit() {
    return details.rateLimit();
  }

  /** The start of the response body, bounded and redacted; empty when there was none. */
  public String rawBody() {
    return details.rawBody();
  }
}
