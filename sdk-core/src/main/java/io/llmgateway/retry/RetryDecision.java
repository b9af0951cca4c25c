package io.llmgateway.retry;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link RetryPolicy#decide} answered: retry after {@link #delay()}, give up (the error is
 * final), or fail fast because the server asked for a wait longer than the caller can afford.
 * Immutable.
 */
public final class RetryDecision {
  /** The three answers. */
  public enum Action {
    /** Sleep {@link #delay()}, then try again. */
    RETRY,
    /** Stop; the error stands (not retryable, attempts spent, or no time left). */
    GIVE_UP,
    /**
     * Stop at once; the server's requested wait ({@link #delay()}) exceeds a cap or the deadline.
     */
    FAIL_FAST
  }

  /** Why the policy answered as it did. */
  public enum Reason {
    /** The wait came from the backoff formula. */
    BACKOFF,
    /** The wait came from the server ({@code retry-after-ms}, {@code Retry-After} or a reset). */
    SERVER_HINT,
    /** The error is not retryable. */
    NOT_RETRYABLE,
    /** The attempts allowed for this error class are spent. */
    ATTEMPTS_EXHAUSTED,
    /** The next wait would pass the caller's deadline. */
    DEADLINE,
    /** The next wait would pass the per-wait or total wait cap. */
    WAIT_CAP
  }

  private final Action action;
  private final Reason reason;
  private final Duration wait;

  private RetryDecision(Action action, Reason reason, Duration wait) {
    this.action = action;
    this.reason = reason;
    this.wait = wait;
  }

  public static RetryDecision retry(Duration wait, Reason reason) {
    return new RetryDecision(Action.RETRY, reason, Objects.requireNonNull(wait, "wait"));
  }

  public static RetryDecision giveUp(Reason reason) {
    return new RetryDecision(Action.GIVE_UP, reason, Duration.ZERO);
  }

  public static RetryDecision failFast(Duration requestedWait, Reason reason) {
    return new RetryDecision(Action.FAIL_FAST, reason, requestedWait);
  }

  public Action action() {
    return action;
  }

  public Reason reason() {
    return reason;
  }

  /** The wait before the retry, or for FAIL_FAST the wait the server asked for; else zero. */
  public Duration delay() {
    return wait;
  }

  public boolean shouldRetry() {
    return action == Action.RETRY;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RetryDecision)) {
      return false;
    }
    RetryDecision d = (RetryDecision) o;
    return action == d.action && reason == d.reason && wait.equals(d.wait);
  }

  @Override
  public int hashCode() {
    return Objects.hash(action, reason, wait);
  }

  @Override
  public String toString() {
    return action == Action.GIVE_UP
        ? action + "(" + reason + ")"
        : action + "(" + wait + ", " + reason + ")";
  }
}
