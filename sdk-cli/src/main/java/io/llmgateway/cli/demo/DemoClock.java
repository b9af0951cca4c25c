package io.llmgateway.cli.demo;

import io.llmgateway.pipeline.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time plus skipped waits: latencies are measured for real, while every backoff or throttle
 * wait moves the clock forward at once instead of blocking. The fake gateway and the clients share
 * it, so rate windows reset exactly as they would after a real wait.
 */
public final class DemoClock extends Clock {
  private final Instant start;
  private final long startNanos = System.nanoTime();
  private final AtomicLong skippedNanos = new AtomicLong();

  public DemoClock(Instant start) {
    this.start = start;
  }

  /** A sleeper that skips the wait on this clock. */
  public Sleeper sleeper() {
    return this::skip;
  }

  public void skip(Duration duration) {
    if (!duration.isNegative()) {
      skippedNanos.addAndGet(duration.toNanos());
    }
  }

  /** How much waiting was skipped so far. */
  public Duration skipped() {
    return Duration.ofNanos(skippedNanos.get());
  }

  @Override
  public Instant instant() {
    return start.plusNanos(System.nanoTime() - startNanos + skippedNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this; // Instants only; the zone is not used.
  }
}
