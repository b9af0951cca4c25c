package io.llmgateway.ratelimit;

import io.llmgateway.internal.DurationText;
import io.llmgateway.internal.http.HeaderLookup;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code X-RateLimit-*} family, with and without the {@code -Requests} suffix. A reset
 * that is present but unreadable makes its window's remaining unknown too: a remaining of 0 with no
 * usable end would otherwise hold the throttle shut on a guess.
 */
final class RateLimitHeaders {
  private RateLimitHeaders() {}

  static RateLimitSnapshot parse(HeaderLookup headers, Instant now) {
    Long limitRequests = count(first(headers, "x-ratelimit-limit-requests", "x-ratelimit-limit"));
    Long remainingRequests =
        count(first(headers, "x-ratelimit-remaining-requests", "x-ratelimit-remaining"));
    String resetRequestsText = first(headers, "x-ratelimit-reset-requests", "x-ratelimit-reset");
    Instant resetRequests = DurationText.parseMoment(resetRequestsText, now);
    if (resetRequestsText != null && resetRequests == null) {
      remainingRequests = null;
    }
    Long limitTokens = count(headers.get("x-ratelimit-limit-tokens"));
    Long remainingTokens = count(headers.get("x-ratelimit-remaining-tokens"));
    String resetTokensText = headers.get("x-ratelimit-reset-tokens");
    Instant resetTokens = DurationText.parseMoment(resetTokensText, now);
    if (resetTokensText != null && resetTokens == null) {
      remainingTokens = null;
    }
    if (limitRequests == null
        && remainingRequests == null
        && resetRequests == null
        && limitTokens == null
        && remainingTokens == null
        && resetTokens == null) {
      return RateLimitSnapshot.EMPTY;
    }
    return new RateLimitSnapshot(
        limitRequests, remainingRequests, resetRequests, limitTokens, remainingTokens, resetTokens);
  }

  private static @Nullable String first(HeaderLookup headers, String name, String fallback) {
    String value = headers.get(name);
    return value != null ? value : headers.get(fallback);
  }

  private static @Nullable Long count(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String t = value.trim();
    if (t.isEmpty() || t.length() > 18) {
      return null;
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return null;
      }
    }
    return Long.parseLong(t);
  }
}
