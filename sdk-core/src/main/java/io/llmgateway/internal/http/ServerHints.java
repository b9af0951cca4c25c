package io.llmgateway.internal.http;

import io.llmgateway.internal.DurationText;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a response's headers say about when to retry and which request it was. */
public final class ServerHints {
  /**
   * How far ahead a rate-limit reset is believed by default: three one-minute windows (HiveOps' and
   * OpenAI's request windows). A reset further ahead is a broken header, not a plan.
   */
  public static final Duration DEFAULT_RESET_HORIZON = Duration.ofMinutes(3);

  private ServerHints() {}

  /**
   * {@link #retryAfter(HeaderLookup, RateLimitSnapshot, Instant, Duration)} with the {@linkplain
   * #DEFAULT_RESET_HORIZON default horizon}.
   */
  public static @Nullable Duration retryAfter(
      HeaderLookup headers, RateLimitSnapshot rateLimit, Instant now) {
    return retryAfter(headers, rateLimit, now, DEFAULT_RESET_HORIZON);
  }

  /**
   * How long the server asks the caller to wait, in the order the SDK trusts: {@code
   * retry-after-ms}, then {@code Retry-After} (seconds or an HTTP date), then the rate-limit reset
   * when the window is exhausted. Null when the response gave no usable hint, so that the retry
   * policy's backoff decides: an HTTP date or a reset already past (a zero wait would retry in a
   * tight loop), or a reset more than {@code resetHorizon} ahead (a reset years ahead, or epoch
   * milliseconds read as seconds, would otherwise stop the client).
   */
  public static @Nullable Duration retryAfter(
      HeaderLookup headers, RateLimitSnapshot rateLimit, Instant now, Duration resetHorizon) {
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
        return date.isAfter(now) ? Duration.between(now, date) : null;
      }
    }
    Instant until = rateLimit.exhaustedUntil();
    if (until == null || !until.isAfter(now) || until.isAfter(now.plus(resetHorizon))) {
      return null;
    }
    return Duration.between(now, until);
  }

  /** The server's request id: {@code x-request-id}, else {@code request-id}. */
  public static @Nullable String requestId(HeaderLookup headers) {
    String id = headers.get("x-request-id");
    return id != null ? id : headers.get("request-id");
  }
}
