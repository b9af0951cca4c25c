package io.llmgateway.testing;

import java.util.Locale;

/**
 * Which form the HiveOps personality answers in where the HiveOps docs and the OpenAI API they copy
 * disagree. Everything else (bodies, headers, request ids, validation) is the same in both.
 */
public enum HiveOpsMode {
  /**
   * The HiveOps docs (specs/hiveops-api.md): {@code X-RateLimit-Reset-*} as an ISO instant, an
   * empty balance as 403 {@code insufficient_quota}/{@code insufficient_balance}, an unknown model
   * as 400 {@code Invalid model 'x' specified}.
   */
  HIVEOPS,
  /**
   * The OpenAI API: resets as durations ({@code 6m0s}, {@code 20ms}), an empty balance as 429
   * {@code insufficient_quota}, an unknown model as 404 {@code model_not_found}.
   */
  OPENAI;

  /** Parses {@code hiveops} or {@code openai} (case-insensitive). */
  public static HiveOpsMode parse(String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "hiveops":
        return HIVEOPS;
      case "openai":
        return OPENAI;
      default:
        throw new IllegalArgumentException(
            "Unknown HiveOps mode '" + text + "': use hiveops or openai");
    }
  }
}
