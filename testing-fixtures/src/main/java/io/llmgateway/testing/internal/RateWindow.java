package io.llmgateway.testing.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Fixed rate windows on the injected clock, aligned to multiples of the window length since the
 * epoch (so a one-minute window resets on the minute, as in {@code 2026-03-20T12:30:00Z}).
 */
public final class RateWindow {
  private final long lengthMillis;
  private long windowStart = Long.MIN_VALUE;
  private long requests;
  private long tokens;

  public RateWindow(Duration length) {
    if (length.isZero() || length.isNegative()) {
      throw new IllegalArgumentException("window must be positive: " + length);
    }
    this.lengthMillis = length.toMillis();
  }

  private void roll(Instant now) {
    long start = Math.floorDiv(now.toEpochMilli(), lengthMillis) * lengthMillis;
    if (start != windowStart) {
      windowStart = start;
      requests = 0;
      tokens = 0;
    }
  }

  public long requests(Instant now) {
    roll(now);
    return requests;
  }

  public long tokens(Instant now) {
    roll(now);
    return tokens;
  }

  public void addRequest(Instant now) {
    roll(now);
    requests++;
  }

  public void addTokens(Instant now, long count) {
    roll(now);
    tokens += count;
  }

  public Instant resetsAt(Instant now) {
    roll(now);
    return Instant.ofEpochMilli(windowStart + lengthMillis);
  }

  /** The reset rounded up to a whole second, as the ISO header value carries no fraction. */
  public Instant resetsAtSecond(Instant now) {
    Instant reset = resetsAt(now);
    Instant whole = reset.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    return whole.equals(reset) ? whole : whole.plusSeconds(1);
  }
}
