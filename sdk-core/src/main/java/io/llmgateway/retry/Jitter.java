package io.llmgateway.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Random spread added to a backoff delay so many clients do not retry in step. Given a random
 * number {@code r} in [0, 1]: {@link Kind#PROPORTIONAL} scales the delay by {@code 1 + amount * (2r
 * - 1)} (amount 0.25 is the SaaS guide's ±25 %); {@link Kind#ADDITIVE} adds {@code r * amount}
 * (HiveOps' {@code + uniform(0, 1)} seconds). Immutable.
 */
public final class Jitter {
  /** How the random number shapes the delay. */
  public enum Kind {
    NONE,
    PROPORTIONAL,
    ADDITIVE
  }

  private static final Jitter NONE = new Jitter(Kind.NONE, 0, Duration.ZERO);

  private final Kind kind;
  private final double fraction;
  private final Duration max;

  private Jitter(Kind kind, double fraction, Duration max) {
    this.kind = kind;
    this.fraction = fraction;
    this.max = max;
  }

  /** No jitter: the formula's delay exactly. */
  public static Jitter none() {
    return NONE;
  }

  /** ± {@code fraction} of the delay, e.g. 0.25 for ±25 %. */
  public static Jitter proportional(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in [0, 1]: " + fraction);
    }
    return new Jitter(Kind.PROPORTIONAL, fraction, Duration.ZERO);
  }

  /** Adds between zero and {@code max}, e.g. one second. */
  public static Jitter additive(Duration max) {
    Objects.requireNonNull(max, "max");
    if (max.isNegative()) {
      throw new IllegalArgumentException("max must not be negative: " + max);
    }
    return new Jitter(Kind.ADDITIVE, 0, max);
  }

  public Kind kind() {
    return kind;
  }

  /** The proportional amount (0 unless {@link Kind#PROPORTIONAL}). */
  public double fraction() {
    return fraction;
  }

  /** The additive maximum (zero unless {@link Kind#ADDITIVE}). */
  public Duration max() {
    return max;
  }

  /** Applies this jitter to {@code delay} with {@code random} in [0, 1] (clamped). */
  public Duration apply(Duration delay, double random) {
    double r = Math.max(0, Math.min(1, random));
    switch (kind) {
      case PROPORTIONAL:
        return Durations.scale(delay, 1 + fraction * (2 * r - 1));
      case ADDITIVE:
        return delay.plus(Durations.scale(max, r));
      default:
        return delay;
    }
  }

  @Override
  public String toString() {
    switch (kind) {
      case PROPORTIONAL:
        return "±" + (fraction * 100) + "%";
      case ADDITIVE:
        return "+U(0, " + max + ")";
      default:
        return "none";
    }
  }
}
