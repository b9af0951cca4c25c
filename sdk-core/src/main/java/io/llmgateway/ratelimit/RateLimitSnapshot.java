package io.llmgateway.ratelimit;

import io.llmgateway.internal.http.HeaderLookup;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a gateway said about its rate limits in one response's {@code X-RateLimit-*} headers. Every
 * field is null when the header was absent or unreadable. Immutable.
 */
public final class RateLimitSnapshot {
  /** A snapshot of a response that carried no rate-limit headers. */
  public static final RateLimitSnapshot EMPTY =
      new RateLimitSnapshot(null, null, null, null, null, null);

  private final @Nullable Long limitRequests;
  private final @Nullable Long remainingRequests;
  private final @Nullable Instant resetRequests;
  private final @Nullable Long limitTokens;
  private final @Nullable Long remainingTokens;
  private final @Nullable Instant resetTokens;

  public RateLimitSnapshot(
      @Nullable Long limitRequests,
      @Nullable Long remainingRequests,
      @Nullable Instant resetRequests,
      @Nullable Long limitTokens,
      @Nullable Long remainingTokens,
      @Nullable Instant resetTokens) {
    this.limitRequests = limitRequests;
    this.remainingRequests = remainingRequests;
    this.resetRequests = resetRequests;
    this.limitTokens = limitTokens;
    this.remainingTokens = remainingTokens;
    this.resetTokens = resetTokens;
  }

  /**
   * Reads the {@code X-RateLimit-*} headers. Resets given as durations or seconds are resolved
   * against {@code now}.
   */
  public static RateLimitSnapshot parse(HeaderLookup headers, Instant now) {
    return RateLimitHeaders.parse(headers, now);
  }

  /**
   * Reads the {@code X-RateLimit-*} headers of an OkHttp response; one pass over the names when
   * there are none (the common case for gateways that send none).
   */
  public static RateLimitSnapshot parse(okhttp3.Headers headers, Instant now) {
    for (int i = 0, n = headers.size(); i < n; i++) {
      if (headers.name(i).regionMatches(true, 0, "x-ratelimit-", 0, 12)) {
        return RateLimitHeaders.parse(HeaderLookup.of(headers), now);
      }
    }
    return EMPTY;
  }

  public @Nullable Long limitRequests() {
    return limitRequests;
  }

  public @Nullable Long remainingRequests() {
    return remainingRequests;
  }

  public @Nullable Instant resetRequests() {
    return resetRequests;
  }

  public @Nullable Long limitTokens() {
    return limitTokens;
  }

  public @Nullable Long remainingTokens() {
    return remainingTokens;
  }

  public @Nullable Instant resetTokens() {
    return resetTokens;
  }

  /** True when no rate-limit header was present. */
  public boolean isEmpty() {
    return this == EMPTY || this.equals(EMPTY);
  }

  /** True when the server said no requests (or no tokens) remain in the current window. */
  public boolean isExhausted() {
    return Long.valueOf(0).equals(remainingRequests) || Long.valueOf(0).equals(remainingTokens);
  }

  /**
   * The instant the exhausted window resets: the later of the request and token resets that are at
   * zero, or null when nothing is exhausted or no reset is known.
   */
  public @Nullable Instant exhaustedUntil() {
    Instant until = null;
    if (Long.valueOf(0).equals(remainingRequests) && resetRequests != null) {
      until = resetRequests;
    }
    if (Long.valueOf(0).equals(remainingTokens) && resetTokens != null) {
      until = until == null || resetTokens.isAfter(until) ? resetTokens : until;
    }
    return until;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RateLimitSnapshot)) {
      return false;
    }
    RateLimitSnapshot that = (RateLimitSnapshot) o;
    return Objects.equals(limitRequests, that.limitRequests)
        && Objects.equals(remainingRequests, that.remainingRequests)
        && Objects.equals(resetRequests, that.resetRequests)
        && Objects.equals(limitTokens, that.limitTokens)
        && Objects.equals(remainingTokens, that.remainingTokens)
        && Objects.equals(resetTokens, that.resetTokens);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        limitRequests, remainingRequests, resetRequests, limitTokens, remainingTokens, resetTokens);
  }

  @Override
  public String toString() {
    return "RateLimitSnapshot{requests="
        + remainingRequests
        + "/"
        + limitRequests
        + " reset "
        + resetRequests
        + ", tokens="
        + remainingTokens
        + "/"
        + limitTokens
        + " reset "
        + resetTokens
        + "}";
  }
}
