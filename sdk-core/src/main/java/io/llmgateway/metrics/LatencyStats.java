package io.llmgateway.metrics;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/** Latency figures of a set of calls, from an HdrHistogram (microsecond resolution). */
public final class LatencyStats {
  /** No calls recorded. */
  public static final LatencyStats EMPTY =
      new LatencyStats(
          0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  private final long count;
  private final Duration average;
  private final Duration p50;
  private final Duration p95;
  private final Duration p99;
  private final Duration max;

  private LatencyStats(
      long count, Duration average, Duration p50, Duration p95, Duration p99, Duration max) {
    this.count = count;
    this.average = average;
    this.p50 = p50;
    this.p95 = p95;
    this.p99 = p99;
    this.max = max;
  }

  static LatencyStats of(Histogram h) {
    if (h.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencyStats(
        h.getTotalCount(),
        micros((long) h.getMean()),
        micros(h.getValueAtPercentile(50)),
        micros(h.getValueAtPercentile(95)),
        micros(h.getValueAtPercentile(99)),
        micros(h.getMaxValue()));
  }

  private static Duration micros(long us) {
    return Duration.ofNanos(us * 1000);
  }

  public long count() {
    return count;
  }

  public Duration average() {
    return average;
  }

  public Duration p50() {
    return p50;
  }

  public Duration p95() {
    return p95;
  }

  public Duration p99() {
    return p99;
  }

  public Duration max() {
    return max;
  }

  @Override
  public String toString() {
    return "LatencyStats{count="
        + count
        + ", avg="
        + average
        + ", p50="
        + p50
        + ", p95="
        + p95
        + ", p99="
        + p99
        + ", max="
        + max
        + "}";
  }
}
