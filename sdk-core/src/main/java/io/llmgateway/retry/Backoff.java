package io.llmgateway.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * The exponential formula: the wait before retry number {@code n} (0-indexed) is {@code min(base *
 * multiplier^n, cap)}, then jittered. Immutable.
 */
public final class Backoff {
  private final Duration base;
  private final double multiplier;
  private final Duration cap;
  private final Jitter jitter;

  private Backoff(Duration base, double multiplier, Duration cap, Jitter jitter) {
    this.base = base;
    this.multiplier = multiplier;
    this.cap = cap;
    this.jitter = jitter;
  }

  /**
   * An exponential backoff.
   *
   * @throws IllegalArgumentException if base is negative, multiplier below 1 or cap below base
   */
  public static Backoff exponential(Duration base, double multiplier, Duration cap, Jitter jitter) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    Objects.requireNonNull(jitter, "jitter");
    if (base.isNegative() || cap.compareTo(base) < 0 || !(multiplier >= 1)) {
      throw new IllegalArgumentException(
          "need 0 <= base <= cap and multiplier >= 1: " + base + ", " + multiplier + ", " + cap);
    }
    return new Backoff(base, multiplier, cap, jitter);
  }

  /** The same wait every time. */
  public static Backoff fixed(Duration wait) {
    return exponential(wait, 1, wait, Jitter.none());
  }

  /**
   * The wait before retry {@code retryIndex} (0 for the first retry), with {@code random} in [0, 1]
   * feeding the jitter.
   */
  public Duration delay(int retryIndex, double random) {
    double factor = Math.pow(multiplier, Math.max(0, retryIndex));
    Duration raw = Durations.min(Durations.scale(base, factor), cap);
    if (base.isZero()) {
      raw = Duration.ZERO;
    }
    return jitter.apply(raw, random);
  }

  public Duration base() {
    return base;
  }

  public double multiplier() {
    return multiplier;
  }

  public Duration cap() {
    return cap;
  }

  public Jitter jitter() {
    return jitter;
  }

  @Override
  public String toString() {
    return "Backoff{base=" + base + " x" + multiplier + " cap " + cap + ", jitter " + jitter + "}";
  }
}
