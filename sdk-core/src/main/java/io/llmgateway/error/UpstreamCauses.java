package io.llmgateway.error;

import io.llmgateway.error.InternalServerException.UpstreamCause;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads what failed behind SaaS LiteLLM from its 500 texts, {@code LLM call failed: 500: ...}. The
 * server names some causes in words ({@code OpenAI rate limit: ...}, {@code Anthropic
 * authentication failed: ...}); its generic ones ({@code OpenAI error: ...}, {@code Anthropic
 * error: ...}, {@code Fireworks error: ...}, raw httpx texts) carry only the provider's HTTP
 * status.
 */
final class UpstreamCauses {
  // "Error code: 400 - {...}" from the OpenAI and Anthropic SDKs; "Client error '401
  // Unauthorized' for url ..." / "Server error '503 ...'" from httpx (Gemini, Fireworks, raw).
  private static final Pattern PROVIDER_STATUS =
      Pattern.compile("error code: (\\d{3})\\b|(?:client|server) error '(\\d{3}) ");

  private UpstreamCauses() {}

  /** The cause named in {@code text}, which must be lower case. */
  static UpstreamCause read(String text) {
    if (text.contains("no provider credentials")) {
      return UpstreamCause.NO_PROVIDER_CREDENTIALS;
    }
    if (text.contains("requires organization context")) {
      return UpstreamCause.MISSING_ORGANIZATION;
    }
    if (text.contains("rate limit")) {
      return UpstreamCause.PROVIDER_RATE_LIMIT;
    }
    if (text.contains("authentication failed")) {
      return UpstreamCause.PROVIDER_AUTHENTICATION;
    }
    Integer status = providerStatus(text);
    if (status != null) {
      return byProviderStatus(status);
    }
    if (text.contains("failed to call provider api") || text.contains("llm call failed")) {
      return UpstreamCause.PROVIDER_ERROR;
    }
    return UpstreamCause.UNKNOWN;
  }

  private static @Nullable Integer providerStatus(String text) {
    Matcher m = PROVIDER_STATUS.matcher(text);
    if (!m.find()) {
      return null;
    }
    return Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
  }

  private static UpstreamCause byProviderStatus(int status) {
    if (status == 401 || status == 403) {
      return UpstreamCause.PROVIDER_AUTHENTICATION;
    }
    if (status == 429) {
      return UpstreamCause.PROVIDER_RATE_LIMIT;
    }
    // 408 (timeout) and 409 (conflict) are worth another try; other 4xx refuse the request itself.
    if (status >= 400 && status < 500 && status != 408 && status != 409) {
      return UpstreamCause.PROVIDER_REJECTED_REQUEST;
    }
    return UpstreamCause.PROVIDER_ERROR;
  }
}
