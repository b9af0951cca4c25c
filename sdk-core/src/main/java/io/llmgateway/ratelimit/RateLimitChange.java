package io.llmgateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change a {@link RateLimiter} makes to a key's state, as plain numbers, so that a store can
 * apply it in one atomic step: in memory under the map's lock, in a shared store as one server-side
 * script (one round trip, however many instances contend), never as a compare-and-set loop that
 * spins under contention. {@link #applyTo} is the reference semantics that every store must match.
 *
 * <p>Instants are whole epoch milliseconds and durations whole milliseconds; {@code -1} means
 * absent. {@link #arguments()} lists the numbers in a fixed order for scripts.
 */
public final class RateLimitChange {
  /** What the change does. */
  public enum Kind {
    /** Take one request and some tokens if both windows admit them (edge margin included). */
    RESERVE,
    /** Give back a reservation that was never sent, if its windows are still current. */
    RELEASE,
    /** Correct the token estimate: charge an overrun, refund an overestimate in the same window. */
    USAGE,
    /** Adopt a gateway's limits, remaining and resets: the lower remaining wins. */
    OBSERVE
  }

  private static final int ARGUMENTS = 12;

  private final Kind kind;
  private final long[] args;

  private RateLimitChange(Kind kind, long[] args) {
    this.kind = kind;
    this.args = args;
  }

  private static long[] common(Instant now, Duration period, RateLimitState initial) {
    long[] a = new long[ARGUMENTS];
    a[0] = now.toEpochMilli();
    a[1] = Math.max(1, period.toMillis());
    a[2] = initial.requests().limit();
    a[3] = initial.tokens().limit();
    Arrays.fill(a, 4, ARGUMENTS, -1);
    return a;
  }

  static RateLimitChange reserve(
      Instant now, Duration period, RateLimitState initial, long tokens, Duration margin) {
    long[] a = common(now, period, initial);
    a[4] = tokens;
    a[5] = margin.toMillis();
    return new RateLimitChange(Kind.RESERVE, a);
  }

  static RateLimitChange release(
      Instant now,
      Duration period,
      RateLimitState initial,
      @Nullable Instant requestWindow,
      @Nullable Instant tokenWindow,
      long tokens) {
    long[] a = common(now, period, initial);
    a[4] = millis(requestWindow);
    a[5] = millis(tokenWindow);
    a[6] = tokens;
    return new RateLimitChange(Kind.RELEASE, a);
  }

  static RateLimitChange usage(
      Instant now,
      Duration period,
      RateLimitState initial,
      @Nullable Instant tokenWindow,
      long delta) {
    long[] a = common(now, period, initial);
    a[4] = millis(tokenWindow);
    a[5] = delta;
    return new RateLimitChange(Kind.USAGE, a);
  }

  /** {@code blindSent}: requests sent while the request limit was unknown, in the learnt window. */
  static RateLimitChange observe(
      Instant now, Duration period, RateLimitState initial, RateLimitSnapshot s, long blindSent) {
    long[] a = common(now, period, initial);
    a[4] = orAbsent(s.limitRequests());
    a[5] = orAbsent(s.remainingRequests());
    a[6] = millis(s.resetRequests());
    a[7] = orAbsent(s.limitTokens());
    a[8] = orAbsent(s.remainingTokens());
    a[9] = millis(s.resetTokens());
    a[10] = blindSent;
    return new RateLimitChange(Kind.OBSERVE, a);
  }

  /**
   * An OBSERVE with this change's window length and initial limits that adopts {@code state}'s
   * limits, remaining and resets as if a gateway had sent them: for a shared store that limited
   * locally while its server was unreachable, to fold what it did there back in when it returns
   * (the lower remaining wins, so the shared window never grows more permissive).
   */
  public RateLimitChange merging(RateLimitState state, Instant now) {
    RateLimitState initial = new RateLimitState(initialWindow(args[2]), initialWindow(args[3]));
    RateWindow r = state.requests();
    RateWindow t = state.tokens();
    RateLimitSnapshot s =
        new RateLimitSnapshot(
            known(r.limit()),
            known(r.remaining()),
            r.resetAt(),
            known(t.limit()),
            known(t.remaining()),
            t.resetAt());
    return observe(
        now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
        Duration.ofMillis(args[1]),
        initial,
        s,
        0);
  }

  private static @Nullable Long known(long n) {
    return n < 0 ? null : n;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The numbers, in this order: now, period, initial request limit, initial token limit, then per
   * kind: RESERVE tokens, margin; RELEASE request window, token window, tokens; USAGE token window,
   * token delta; OBSERVE request limit, remaining, reset, token limit, remaining, reset, requests
   * sent blind. Unused places are -1.
   */
  public long[] arguments() {
    return args.clone();
  }

  /** The outcome of applying this change to {@code current} (null: the key holds nothing yet). */
  public Result applyTo(@Nullable RateLimitState current) {
    RateLimitState base =
        current != null
            ? current
            : new RateLimitState(initialWindow(args[2]), initialWindow(args[3]));
    Instant now = Instant.ofEpochMilli(args[0]);
    Duration period = Duration.ofMillis(args[1]);
    RateWindow r = base.requests().roll(now, period);
    RateWindow t = base.tokens().roll(now, period);
    boolean applied = true;
    switch (kind) {
      case RESERVE:
        Duration margin = Duration.ofMillis(Math.max(0, args[5]));
        if (r.admits(1, now, margin) && t.admits(args[4], now, margin)) {
          r = r.take(1, now, margin);
          t = t.take(args[4], now, margin);
        } else {
          applied = false;
        }
        break;
      case RELEASE:
        if (args[4] >= 0 && args[4] == millis(r.resetAt())) {
          r = r.give(1);
        }
        if (args[5] >= 0 && args[5] == millis(t.resetAt())) {
          t = t.give(args[6]);
        }
        break;
      case USAGE:
        if (args[5] > 0) {
          t = t.take(args[5]);
        } else if (args[5] < 0 && args[4] >= 0 && args[4] == millis(t.resetAt())) {
          t = t.give(-args[5]);
        }
        break;
      case OBSERVE:
        RateWindow learnt =
            r.adopt(present(args[4]), present(args[5]), instant(args[6]), now, period);
        if (r.remaining() < 0
            && learnt.remaining() >= 0
            && learnt.limit() >= 0
            && learnt.resetAt() != null) {
          // The server's remaining leaves out the requests sent blind that it had not yet seen.
          learnt = learnt.atMost(learnt.limit() - Math.max(0, args[10]));
        }
        r = learnt;
        t = t.adopt(present(args[7]), present(args[8]), instant(args[9]), now, period);
        break;
      default:
        throw new IllegalStateException("unknown change " + kind);
    }
    RateLimitState next = new RateLimitState(r, t);
    return new Result(applied, next, !next.equals(base));
  }

  private static RateWindow initialWindow(long limit) {
    return limit < 0 ? RateWindow.UNKNOWN : RateWindow.ofLimit(limit);
  }

  private static long millis(@Nullable Instant t) {
    return t == null ? -1 : t.toEpochMilli();
  }

  private static @Nullable Instant instant(long millis) {
    return millis < 0 ? null : Instant.ofEpochMilli(millis);
  }

  private static long orAbsent(@Nullable Long n) {
    return n == null ? -1 : n;
  }

  private static @Nullable Long present(long n) {
    return n < 0 ? null : n;
  }

  @Override
  public String toString() {
    return "RateLimitChange{" + kind + " " + Arrays.toString(args) + "}";
  }

  /** What applying a change did. Immutable. */
  public static final class Result {
    private final boolean applied;
    private final RateLimitState state;
    private final boolean changed;

    /**
     * @param applied for RESERVE, whether the reservation was granted (always true otherwise)
     * @param state the state after the change (for a refused reservation: the windows as of now)
     * @param changed whether {@code state} differs from what the store held, so must be written
     */
    public Result(boolean applied, RateLimitState state, boolean changed) {
      this.applied = applied;
      this.state = Objects.requireNonNull(state, "state");
      this.changed = changed;
    }

    public boolean applied() {
      return applied;
    }

    public RateLimitState state() {
      return state;
    }

    public boolean changed() {
      return changed;
    }

    @Override
    public String toString() {
      return "Result{applied=" + applied + ", changed=" + changed + ", " + state + "}";
    }
  }
}
