package io.llmgateway.retry;

import java.time.Duration;

/** Duration arithmetic in nanoseconds that saturates instead of overflowing. */
final class Durations {
  // A year: longer than any wait the SDK will ever plan.
  static final long MAX_NANOS = Duration.ofDays(365).toNanos();

  private Durations() {}

  static Duration scale(Duration d, double factor) {
    double nanos = d.toNanos() * factor;
    if (!(nanos > 0)) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.min(nanos, MAX_NANOS));
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
