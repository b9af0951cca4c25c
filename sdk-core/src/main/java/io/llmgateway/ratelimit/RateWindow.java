package io.llmgateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fixed window of a rate limit (requests or tokens): the limit, what remains, and when it
 * resets. {@code -1} means unknown; an unknown remaining never throttles. Immutable; part of the
 * state a {@link RateLimitStore} holds.
 */
public final class RateWindow {
  /** Unknown limit and remaining, no window: never throttles. */
  public static final RateWindow UNKNOWN = new RateWindow(-1, -1, null);

  private final long limit;
  private final long remaining;
  private final @Nullable Instant resetAt;

  public RateWindow(long limit, long remaining, @Nullable Instant resetAt) {
    this.limit = limit;
    this.remaining = remaining;
    this.resetAt = resetAt;
  }

  /** A window with a known limit whose first reset is decided on first use. */
  public static RateWindow ofLimit(long limit) {
    return new RateWindow(limit, limit, null);
  }

  /** The limit per window, or -1 when unknown. */
  public long limit() {
    return limit;
  }

  /** What remains in the current window, or -1 when unknown. */
  public long remaining() {
    return remaining;
  }

  /** When the current window ends, or null when no window has started. */
  public @Nullable Instant resetAt() {
    return resetAt;
  }

  /**
   * This window as of {@code now}: a new window (refilled to the limit) when the reset has passed,
   * continuing the same cadence; a window aligned to the local clock when none has started and
   * something is known.
   */
  RateWindow roll(Instant now, Duration period) {
    if (resetAt == null) {
      return remaining < 0 ? this : new RateWindow(limit, remaining, alignedEnd(now, period));
    }
    if (now.isBefore(resetAt)) {
      return this;
    }
    long periodMs = Math.max(1, period.toMillis());
    long behindMs = Duration.between(resetAt, now).toMillis();
    Instant next = resetAt.plusMillis((behindMs / periodMs + 1) * periodMs);
    return new RateWindow(limit, limit, next);
  }

  private static Instant alignedEnd(Instant now, Duration period) {
    long periodMs = Math.max(1, period.toMillis());
    long start = Math.floorDiv(now.toEpochMilli(), periodMs) * periodMs;
    return Instant.ofEpochMilli(start + periodMs);
  }

  /** Whether {@code n} fit now; a request larger than the whole limit fits a full window. */
  boolean fits(long n) {
    return remaining < 0 || remaining >= n || (limit >= 0 && n > limit && remaining == limit);
  }

  RateWindow take(long n) {
    return remaining < 0 ? this : new RateWindow(limit, Math.max(0, remaining - n), resetAt);
  }

  /** This window with at most {@code n} remaining (never below 0); unknown stays unknown. */
  RateWindow atMost(long n) {
    long capped = Math.max(0, n);
    return remaining < 0 || remaining <= capped ? this : new RateWindow(limit, capped, resetAt);
  }

  RateWindow give(long n) {
    if (remaining < 0) {
      return this;
    }
    long r = remaining + n;
    return new RateWindow(limit, limit >= 0 ? Math.min(limit, r) : r, resetAt);
  }

  /**
   * Adopts what a response said: its limit, and the lower of the local and the server's remaining
   * with the server's reset. A reset already past tells nothing about the current window.
   */
  RateWindow adopt(
      @Nullable Long serverLimit,
      @Nullable Long serverRemaining,
      @Nullable Instant serverReset,
      Instant now,
      Duration period) {
    long newLimit = serverLimit != null ? serverLimit : limit;
    long newRemaining = remaining < 0 && newLimit >= 0 ? newLimit : remaining;
    if (serverReset != null && !serverReset.isAfter(now)) {
      return new RateWindow(newLimit, newRemaining, resetAt).roll(now, period);
    }
    if (serverRemaining != null) {
      newRemaining = newRemaining < 0 ? serverRemaining : Math.min(newRemaining, serverRemaining);
    }
    Instant newReset = serverReset != null ? serverReset : resetAt;
    return new RateWindow(newLimit, newRemaining, newReset).roll(now, period);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RateWindow)) {
      return false;
    }
    RateWindow w = (RateWindow) o;
    return limit == w.limit && remaining == w.remaining && Objects.equals(resetAt, w.resetAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, remaining, resetAt);
  }

  @Override
  public String toString() {
    return remaining + "/" + limit + " until " + resetAt;
  }
}
