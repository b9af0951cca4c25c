package io.llmgateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link RateLimiter#reserve}: go now (a request and the tokens are taken), wait and
 * ask again, or give up because the window opens only after the caller's deadline. Immutable.
 */
public final class Reservation {
  /** The three answers. */
  public enum Status {
    GRANTED,
    WAIT,
    WOULD_EXCEED_DEADLINE
  }

  private final Status status;
  private final Duration delay;
  private final long tokens;
  private final @Nullable Instant requestWindow;
  private final @Nullable Instant tokenWindow;

  private Reservation(
      Status status,
      Duration delay,
      long tokens,
      @Nullable Instant requestWindow,
      @Nullable Instant tokenWindow) {
    this.status = status;
    this.delay = delay;
    this.tokens = tokens;
    this.requestWindow = requestWindow;
    this.tokenWindow = tokenWindow;
  }

  static Reservation granted(long tokens, RateLimitState taken) {
    return new Reservation(
        Status.GRANTED,
        Duration.ZERO,
        tokens,
        taken.requests().resetAt(),
        taken.tokens().resetAt());
  }

  static Reservation waitFor(Duration delay, long tokens) {
    return new Reservation(Status.WAIT, delay, tokens, null, null);
  }

  static Reservation wouldExceedDeadline(Duration delay, long tokens) {
    return new Reservation(Status.WOULD_EXCEED_DEADLINE, delay, tokens, null, null);
  }

  public Status status() {
    return status;
  }

  public boolean isGranted() {
    return status == Status.GRANTED;
  }

  /** How long until the window has room; zero when granted. */
  public Duration delay() {
    return delay;
  }

  /** The tokens reserved (the estimate). */
  public long tokens() {
    return tokens;
  }

  /** The end of the request window the request was taken from, if known. */
  @Nullable Instant requestWindow() {
    return requestWindow;
  }

  @Nullable Instant tokenWindow() {
    return tokenWindow;
  }

  @Override
  public String toString() {
    return status == Status.GRANTED
        ? "Reservation{GRANTED, tokens=" + tokens + "}"
        : "Reservation{" + status + ", delay=" + delay + "}";
  }
}
