package io.llmgateway.testing.hiveops;

import io.llmgateway.testing.internal.HiveKeyState;
import io.llmgateway.testing.internal.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import okhttp3.mockwebserver.MockResponse;

/**
 * The rate-limit headers of a key's window: the five the HiveOps docs list plus {@code
 * X-RateLimit-Reset-Tokens}, which OpenAI sends too. Resets are ISO instants in the HiveOps form
 * and OpenAI's durations ({@code 44.877s}, {@code 1m0s}) in the OpenAI form. A 429 also says when
 * to come back, in {@code Retry-After} (whole seconds) and {@code retry-after-ms}, the headers
 * OpenAI's own SDKs wait for before retrying.
 */
final class RateHeaders {
  private RateHeaders() {}

  static void apply(MockResponse response, Store store, HiveKeyState key) {
    Instant now = store.now();
    int requests = store.options.hiveOpsRequestsPerWindow();
    int tokens = store.options.hiveOpsTokensPerWindow();
    String reset = reset(store, now, key);
    response.setHeader("X-RateLimit-Limit-Requests", Integer.toString(requests));
    response.setHeader(
        "X-RateLimit-Remaining-Requests",
        Long.toString(Math.max(0, requests - key.window.requests(now))));
    response.setHeader("X-RateLimit-Reset-Requests", reset);
    response.setHeader("X-RateLimit-Limit-Tokens", Integer.toString(tokens));
    response.setHeader(
        "X-RateLimit-Remaining-Tokens",
        Long.toString(Math.max(0, tokens - key.window.tokens(now))));
    response.setHeader("X-RateLimit-Reset-Tokens", reset);
  }

  /** {@code Retry-After} and {@code retry-after-ms}: the time until the key's window resets. */
  static void retryAfter(MockResponse response, Instant now, Instant reset) {
    long millis = Math.max(1, ceilMillis(Duration.between(now, reset)));
    response.setHeader("Retry-After", Long.toString((millis + 999) / 1000));
    response.setHeader("retry-after-ms", Long.toString(millis));
  }

  private static String reset(Store store, Instant now, HiveKeyState key) {
    if (store.options.openAiForm()) {
      return openAiDuration(ceilMillis(Duration.between(now, key.window.resetsAt(now))));
    }
    return key.window.resetsAtSecond(now).toString();
  }

  private static long ceilMillis(Duration duration) {
    return (duration.toNanos() + 999_999) / 1_000_000;
  }

  /** Go's {@code time.Duration} text at millisecond precision, as OpenAI writes resets. */
  static String openAiDuration(long millis) {
    if (millis <= 0) {
      return "0s";
    }
    if (millis < 1000) {
      return millis + "ms";
    }
    long hours = millis / 3_600_000;
    long minutes = millis / 60_000 % 60;
    long seconds = millis / 1000 % 60;
    long fraction = millis % 1000;
    StringBuilder out = new StringBuilder();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    out.append(seconds);
    if (fraction > 0) {
      String digits = String.format(Locale.ROOT, "%03d", fraction);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(digits, 0, end);
    }
    return out.append('s').toString();
  }
}
