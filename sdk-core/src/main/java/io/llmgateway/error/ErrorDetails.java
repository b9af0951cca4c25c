package io.llmgateway.error;

import io.llmgateway.internal.Redaction;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The facts every {@link LlmGatewayException} carries, gathered in one immutable value so the
 * exceptions themselves stay small. Every text field is redacted on the way in, then bounded.
 */
public final class ErrorDetails {
  /** The longest raw body kept on an error, in characters. */
  public static final int RAW_BODY_LIMIT = 8 * 1024;

  private final Provider provider;
  private final @Nullable Integer status;
  private final String serverMessage;
  private final @Nullable String type;
  private final @Nullable String code;
  private final @Nullable String param;
  private final List<FieldError> fieldErrors;
  private final @Nullable String requestId;
  private final @Nullable Duration retryAfter;
  private final RateLimitSnapshot rateLimit;
  private final String rawBody;

  private ErrorDetails(Builder b) {
    this.provider = b.provider;
    this.status = b.status;
    this.serverMessage = Redaction.redact(b.serverMessage);
    // Every server-controlled text, whoever built these details: a gateway may echo a key anywhere.
    this.type = SafeText.value(b.type);
    this.code = SafeText.value(b.code);
    this.param = SafeText.value(b.param);
    this.fieldErrors = List.copyOf(b.fieldErrors);
    this.requestId = SafeText.value(b.requestId);
    this.retryAfter = b.retryAfter;
    this.rateLimit = b.rateLimit;
    String body = Redaction.redact(b.rawBody);
    this.rawBody = body.length() > RAW_BODY_LIMIT ? body.substring(0, RAW_BODY_LIMIT) : body;
  }

  public static Builder builder(Provider provider) {
    return new Builder(provider);
  }

  /** Details with nothing but the provider, for errors raised before any response. */
  public static ErrorDetails of(Provider provider) {
    return builder(provider).build();
  }

  public Provider provider() {
    return provider;
  }

  /** The HTTP status, or null when no response arrived. */
  public @Nullable Integer status() {
    return status;
  }

  /** The gateway's own text ({@code detail} or {@code error.message}), redacted; may be empty. */
  public String serverMessage() {
    return serverMessage;
  }

  /** The error {@code type} the gateway sent, e.g. {@code insufficient_quota}. */
  public @Nullable String type() {
    return type;
  }

  /** The error {@code code} the gateway sent, as text even when it was a number. */
  public @Nullable String code() {
    return code;
  }

  /** The request parameter the error is about ({@code error.param}), if named. */
  public @Nullable String param() {
    return param;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  public @Nullable String requestId() {
    return requestId;
  }

  /** How long the server asked to wait before retrying, or null when it did not say. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  public RateLimitSnapshot rateLimit() {
    return rateLimit;
  }

  /** The start of the response body (at most {@link #RAW_BODY_LIMIT} chars), redacted. */
  public String rawBody() {
    return rawBody;
  }

  /** Builds {@link ErrorDetails}; every field but the provider is optional. */
  public static final class Builder {
    private final Provider provider;
    private @Nullable Integer status;
    private String serverMessage = "";
    private @Nullable String type;
    private @Nullable String code;
    private @Nullable String param;
    private List<FieldError> fieldErrors = List.of();
    private @Nullable String requestId;
    private @Nullable Duration retryAfter;
    private RateLimitSnapshot rateLimit = RateLimitSnapshot.EMPTY;
    private String rawBody = "";

    private Builder(Provider provider) {
      this.provider = provider;
    }

    public Builder status(@Nullable Integer status) {
      this.status = status;
      return this;
    }

    public Builder serverMessage(String serverMessage) {
      this.serverMessage = serverMessage;
      return this;
    }

    public Builder type(@Nullable String type) {
      this.type = type;
      return this;
    }

    public Builder code(@Nullable String code) {
      this.code = code;
      return this;
    }

    public Builder param(@Nullable String param) {
      this.param = param;
      return this;
    }

    public Builder fieldErrors(List<FieldError> fieldErrors) {
      this.fieldErrors = fieldErrors;
      return this;
    }

    public Builder requestId(@Nullable String requestId) {
      this.requestId = requestId;
      return this;
    }

    public Builder retryAfter(@Nullable Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    public Builder rateLimit(RateLimitSnapshot rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    public Builder rawBody(String rawBody) {
      this.rawBody = rawBody;
      return this;
    }

    public ErrorDetails build() {
      return new ErrorDetails(this);
    }
  }
}
