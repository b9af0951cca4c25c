package io.llmgateway.http;

import io.llmgateway.internal.DurationText;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a response's headers say about when to retry and which request it was. */
public final class ServerHints {
  private ServerHints() {}

  /**
   * How long the server asks the caller to wait, in the order the SDK trusts: {@code
   * retry-after-ms}, then {@code Retry-After} (seconds or an HTTP date), then the rate-limit reset
   * when the window is exhausted. Null when the response gave no hint. Never negative.
   */
  public static @Nullable Duration retryAfter(
      HeaderLookup headers, RateLimitSnapshot rateLimit, Instant now) {
    Duration ms = DurationText.parseNumber(headers.get("retry-after-ms"), Duration.ofMillis(1));
    if (ms != null) {
      return ms;
    }
    String retryAfter = headers.get("retry-after");
    if (retryAfter != null) {
      Duration seconds = DurationText.parseNumber(retryAfter, Duration.ofSeconds(1));
      if (seconds != null) {
        return seconds;
      }
      Instant date = DurationText.parseDate(retryAfter.trim());
      if (date != null) {
        return nonNegative(Duration.between(now, date));
      }
    }
    Instant until = rateLimit.exhaustedUntil();
    return until == null ? null : nonNegative(Duration.between(now, until));
  }

  /** The server's request id: {@code x-request-id}, else {@code request-id}. */
  public static @Nullable String requestId(HeaderLookup headers) {
    String id = headers.get("x-request-id");
    return id != null ? id : headers.get("request-id");
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
