package io.llmgateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fixed window of a rate limit (requests or tokens): the limit, what remains, when it resets,
 * and what is already charged to the next window. {@code -1} means unknown; an unknown remaining
 * never throttles. Immutable; part of the state a {@link RateLimitStore} holds.
 *
 * <p>The carry exists because a request cleared just before the reset may reach the gateway just
 * after it and count there: a request cleared within the edge margin of the end is charged to this
 * window and to the next, and the next starts with {@code limit - carry}.
 */
public final class RateWindow {
  /** Unknown limit and remaining, no window: never throttles. */
  public static final RateWindow UNKNOWN = new RateWindow(-1, -1, null);

  private final long limit;
  private final long remaining;
  private final @Nullable Instant resetAt;
  private final long carry;

  public RateWindow(long limit, long remaining, @Nullable Instant resetAt) {
    this(limit, remaining, resetAt, 0);
  }

  /** A window whose next one starts with {@code carry} already spent. */
  public RateWindow(long limit, long remaining, @Nullable Instant resetAt, long carry) {
    this.limit = limit;
    this.remaining = remaining;
    this.resetAt = resetAt;
    this.carry = Math.max(0, carry);
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

  /** What is already charged to the window after this one (cleared near this one's end). */
  public long carry() {
    return carry;
  }

  /**
   * This window as of {@code now}: a new window when the reset has passed, continuing the same
   * cadence (the very next window starts with its carry spent; a later one is full); a window
   * aligned to the local clock when none has started and something is known.
   */
  RateWindow roll(Instant now, Duration period) {
    if (resetAt == null) {
      return remaining < 0
          ? this
          : new RateWindow(limit, remaining, alignedEnd(now, period), carry);
    }
    if (now.isBefore(resetAt)) {
      return this;
    }
    long periodMs = Math.max(1, period.toMillis());
    long periods = Duration.between(resetAt, now).toMillis() / periodMs + 1;
    Instant next = resetAt.plusMillis(periods * periodMs);
    long fresh = limit < 0 || periods > 1 ? limit : Math.max(0, limit - carry);
    return new RateWindow(limit, fresh, next, 0);
  }

  static Instant alignedEnd(Instant now, Duration period) {
    long periodMs = Math.max(1, period.toMillis());
    long start = Math.floorDiv(now.toEpochMilli(), periodMs) * periodMs;
    return Instant.ofEpochMilli(start + periodMs);
  }

  /** Whether {@code n} fit now; a request larger than the whole limit fits a full window. */
  boolean fits(long n) {
    return remaining < 0 || remaining >= n || (limit >= 0 && n > limit && remaining == limit);
  }

  /**
   * Whether {@code n} may be cleared at {@code now}: it fits this window and, within {@code margin}
   * of the end, the next one too (it may arrive there).
   */
  boolean admits(long n, Instant now, Duration margin) {
    if (!fits(n)) {
      return false;
    }
    if (!nearEnd(now, margin)) {
      return true;
    }
    return carry + n <= limit || (n > limit && carry == 0);
  }

  /**
   * Takes {@code n} at {@code now}, charging the next window too within {@code margin} of the end.
   */
  RateWindow take(long n, Instant now, Duration margin) {
    if (remaining < 0) {
      return this;
    }
    long nextCarry = nearEnd(now, margin) ? carry + n : carry;
    return new RateWindow(limit, Math.max(0, remaining - n), resetAt, nextCarry);
  }

  private boolean nearEnd(Instant now, Duration margin) {
    return remaining >= 0
        && limit >= 0
        && resetAt != null
        && !margin.isZero()
        && !now.isBefore(resetAt.minus(margin));
  }

  RateWindow take(long n) {
    return remaining < 0 ? this : new RateWindow(limit, Math.max(0, remaining - n), resetAt, carry);
  }

  /** This window with at most {@code n} remaining (never below 0); unknown stays unknown. */
  RateWindow atMost(long n) {
    long capped = Math.max(0, n);
    return remaining < 0 || remaining <= capped
        ? this
        : new RateWindow(limit, capped, resetAt, carry);
  }

  RateWindow give(long n) {
    if (remaining < 0) {
      return this;
    }
    long r = remaining + n;
    return new RateWindow(limit, limit >= 0 ? Math.min(limit, r) : r, resetAt, carry);
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
      return new RateWindow(newLimit, newRemaining, resetAt, carry).roll(now, period);
    }
    if (serverRemaining != null) {
      newRemaining = newRemaining < 0 ? serverRemaining : Math.min(newRemaining, serverRemaining);
    }
    Instant newReset = serverReset != null ? serverReset : resetAt;
    return new RateWindow(newLimit, newRemaining, newReset, carry).roll(now, period);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RateWindow)) {
      return false;
    }
    RateWindow w = (RateWindow) o;
    return limit == w.limit
        && remaining == w.remaining
        && carry == w.carry
        && Objects.equals(resetAt, w.resetAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, remaining, resetAt, carry);
  }

  @Override
  public String toString() {
    return remaining
        + "/"
        + limit
        + " until "
        + resetAt
        + (carry > 0 ? " (+" + carry + " next)" : "");
  }
}
