package io.llmgateway.testing.fault;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a personality takes to answer, on the real clock: the time to the first byte of every
 * answer, plus, for a model's answer, a pace per generated token. A non-stream completion arrives
 * after {@code timeToFirstByte + perToken * completionTokens}; a stream sends its headers after
 * {@code timeToFirstByte} and then one token per {@code perToken}. Each request's delays are scaled
 * by one draw of {@code 1 +- jitter} from the gateway's seeded random ({@code
 * FakeGateway.Builder.latencySeed}), so a run is reproducible. Immutable.
 *
 * <p>Real-clock latency is for seeing how clients behave against a gateway that takes seconds
 * (timeouts, time to first token, a user watching a stream); rate windows and timestamps still run
 * on the gateway's injected clock.
 */
public final class Latency {
  private static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO, 0);

  private final Duration timeToFirstByte;
  private final Duration perToken;
  private final double jitter;

  private Latency(Duration timeToFirstByte, Duration perToken, double jitter) {
    if (timeToFirstByte.isNegative() || perToken.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
    }
    this.timeToFirstByte = timeToFirstByte;
    this.perToken = perToken;
    this.jitter = jitter;
  }

  /** Answers at once (the default). */
  public static Latency none() {
    return NONE;
  }

  /** A fixed time to first byte and pace per token, without jitter. */
  public static Latency of(Duration timeToFirstByte, Duration perToken) {
    return new Latency(timeToFirstByte, perToken, 0);
  }

  /**
   * A gateway like the HiveOps docs describe: 300 ms to the first byte (their average for {@code
   * llama3:8b-instruct-q8_0}), then 20 ms a token (50 tokens a second), each request within +-20 %.
   * A 6-token reply takes about 0.4 s, a 500-token one about 10 s.
   */
  public static Latency realistic() {
    return new Latency(Duration.ofMillis(300), Duration.ofMillis(20), 0.2);
  }

  /** The same latency, each request's delays scaled by a seeded draw in {@code [1-f, 1+f]}. */
  public Latency withJitter(double fraction) {
    return new Latency(timeToFirstByte, perToken, fraction);
  }

  public Duration timeToFirstByte() {
    return timeToFirstByte;
  }

  public Duration perToken() {
    return perToken;
  }

  public double jitter() {
    return jitter;
  }

  /** Whether this answers at once. */
  public boolean isNone() {
    return timeToFirstByte.isZero() && perToken.isZero();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Latency l
        && l.timeToFirstByte.equals(timeToFirstByte)
        && l.perToken.equals(perToken)
        && l.jitter == jitter;
  }

  @Override
  public int hashCode() {
    return timeToFirstByte.hashCode() * 31 + perToken.hashCode() + Double.hashCode(jitter);
  }

  @Override
  public String toString() {
    return isNone()
        ? "Latency[none]"
        : String.format(
            Locale.ROOT,
            "Latency[first byte %d ms, %d ms/token, jitter %.2f]",
            timeToFirstByte.toMillis(),
            perToken.toMillis(),
            jitter);
  }
}
