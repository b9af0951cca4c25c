package io.llmgateway.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that only moves when a test moves it, so rate windows, key expiry and timestamps can be
 * tested in milliseconds. Thread-safe.
 */
public final class FakeClock extends Clock {
  /** Where a new fake clock starts: a fixed instant with microseconds, like the real servers. */
  public static final Instant DEFAULT_START = Instant.parse("2026-03-20T12:29:15.123456Z");

  private final ZoneId zone;
  private volatile Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  public FakeClock() {
    this(DEFAULT_START);
  }

  public FakeClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  private FakeClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public synchronized FakeClock advance(Duration duration) {
    now = now.plus(duration);
    return this;
  }

  /**
   * Waits in virtual time: records {@code duration} and moves the clock by it, at once. Pass {@code
   * clock::sleep} as an SDK client's sleeper, with this clock as its clock, and retries, throttle
   * waits and backoff cost no real time. Like {@link Thread#sleep}, it throws (and clears the flag)
   * when the thread is interrupted.
   */
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("sleep interrupted");
    }
    synchronized (this) {
      sleeps.add(duration);
      now = now.plus(duration);
    }
  }

  /** Every wait {@link #sleep} was asked for, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public synchronized FakeClock set(Instant instant) {
    now = instant;
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view with another zone that still follows this clock. */
  @Override
  public Clock withZone(ZoneId zone) {
    FakeClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }

  @Override
  public String toString() {
    return "FakeClock[" + now + "]";
  }
}
