package io.llmgateway.testing;

/**
 * Which SaaS LiteLLM the fake imitates: the one its error-handling guide promises, or the one its
 * server code really is (see the project's specs/saas-litellm-server.md).
 */
public enum SaasMode {
  /**
   * What the guide promises: lowercase statuses, {@code ...000Z} timestamps, per-team 429s with
   * rate-limit headers, 403 for insufficient credits before a call, pydantic v1 422s, stream errors
   * as {@code {"error":{...}}} followed by {@code [DONE]}.
   */
  DOCUMENTED,
  /**
   * What the server does: UPPERCASE statuses, two timestamp formats, pydantic v2 422s, plain-text
   * 500s, no rate limiting, credits charged on complete (and again on every second repeat), and
   * provider-native stream chunks.
   */
  REAL_SERVER;

  /** Parses {@code documented} or {@code real-server} (case-insensitive, {@code _} allowed). */
  public static SaasMode parse(String text) {
    String normal = text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    switch (normal) {
      case "documented":
        return DOCUMENTED;
      case "real-server":
      case "real":
        return REAL_SERVER;
      default:
        throw new IllegalArgumentException(
            "Unknown mode '" + text + "': use documented or real-server");
    }
  }
}
