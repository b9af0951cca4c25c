package io.llmgateway.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * Requests this limiter let through while the request limit was still unknown, counted per window
 * aligned to the local clock. When the first {@code X-RateLimit-*} headers arrive, the server's
 * {@code remaining} counts only the requests that had reached it when it answered; the others sent
 * blind in the same window are still on their way and would be sent again from that remaining.
 * Knowing how many went out lets the limiter start the window from {@code limit - sent} instead.
 * Local to one limiter (one app instance): other instances' blind requests are not seen.
 */
final class BlindSends {
  private long windowStartMs = Long.MIN_VALUE;
  private long count;

  /** One request went out at {@code now} while the request window was unknown. */
  synchronized void record(Instant now, Duration period) {
    long start = alignedStart(now.toEpochMilli(), period);
    if (start != windowStartMs) {
      windowStartMs = start;
      count = 0;
    }
    count++;
  }

  /**
   * How many blind requests went out in the server's window ending at {@code serverReset}; 0 when
   * that is not the window they were counted in (the server's windows are not aligned like ours, or
   * the clocks disagree by more than half a window).
   */
  synchronized long sentInWindowEnding(Instant serverReset, Duration period) {
    long periodMs = Math.max(1, period.toMillis());
    long serverStart = serverReset.toEpochMilli() - periodMs;
    return Math.abs(serverStart - windowStartMs) < periodMs / 2 ? count : 0;
  }

  private static long alignedStart(long epochMs, Duration period) {
    long periodMs = Math.max(1, period.toMillis());
    return Math.floorDiv(epochMs, periodMs) * periodMs;
  }
}
