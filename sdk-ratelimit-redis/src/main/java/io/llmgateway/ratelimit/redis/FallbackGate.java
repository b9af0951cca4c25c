package io.llmgateway.ratelimit.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, per store operation, whether to go to Redis or stay local; counts and logs the switches.
 *
 * <p>Healthy: every operation goes to Redis. A command that fails (connection refused, closed or
 * reset, an error reply) makes the store degraded at once; a command that only times out is served
 * locally on its own, and the store degrades only after {@code timeoutsBeforeFallback} timeouts in
 * a row, since one slow answer is usually a pause of this process (GC, JIT, scheduling), not an
 * outage. Degraded: every operation is local, and once the re-probe time (on the injected clock)
 * has come, the next operation starts one probe in the background; the probe that reconnects, pings
 * and folds the local windows back into Redis ends the degradation. One WARN when degrading, one
 * INFO when recovering.
 */
final class FallbackGate {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimitStore.class);

  private final Clock clock;
  private final Duration reprobeInterval;
  private final int timeoutsBeforeFallback;
  private final Runnable onDegraded;
  private final AtomicBoolean probing = new AtomicBoolean();
  private final AtomicInteger timeoutsInARow = new AtomicInteger();
  private final AtomicLong fallbacks = new AtomicLong();
  private final AtomicLong recoveries = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong timeouts = new AtomicLong();
  private volatile boolean degraded;
  private volatile Instant nextProbe = Instant.MIN;

  FallbackGate(
      Clock clock, Duration reprobeInterval, int timeoutsBeforeFallback, Runnable onDegraded) {
    this.clock = clock;
    this.reprobeInterval = reprobeInterval;
    this.timeoutsBeforeFallback = timeoutsBeforeFallback;
    this.onDegraded = onDegraded;
  }

  /** Whether this operation may go to Redis. */
  boolean useRedis() {
    return !degraded;
  }

  /**
   * While degraded: true for exactly one caller once the re-probe time has come, which must then
   * run a probe and report {@link #recovered()} or {@link #probeFailed}.
   */
  boolean claimProbe() {
    return degraded && !clock.instant().isBefore(nextProbe) && probing.compareAndSet(false, true);
  }

  void succeeded() {
    timeoutsInARow.set(0);
  }

  /** A command took longer than the command timeout. */
  void timedOut() {
    timeouts.incrementAndGet();
    int n = timeoutsInARow.incrementAndGet();
    if (n >= timeoutsBeforeFallback) {
      degrade(n + " Redis commands in a row took longer than the command timeout");
    }
  }

  /** A command or connection failed outright. */
  void failed(RuntimeException e) {
    failures.incrementAndGet();
    degrade(describe(e));
  }

  private void degrade(String why) {
    synchronized (this) {
      nextProbe = clock.instant().plus(reprobeInterval);
      if (degraded) {
        return;
      }
      degraded = true;
      fallbacks.incrementAndGet();
      onDegraded.run();
    }
    LOG.warn(
        "Redis rate-limit store unavailable ({}): limiting locally in this process, next try in {}",
        why,
        reprobeInterval);
  }

  /** The probe reconnected and merged the local windows: back to Redis. */
  void recovered() {
    synchronized (this) {
      timeoutsInARow.set(0);
      if (degraded) {
        degraded = false;
        recoveries.incrementAndGet();
      }
    }
    probing.set(false);
    LOG.info("Redis rate-limit store recovered: shared rate windows are back in use");
  }

  void probeFailed(String why) {
    synchronized (this) {
      nextProbe = clock.instant().plus(reprobeInterval);
    }
    probing.set(false);
    LOG.debug("Redis rate-limit store still unavailable ({})", why);
  }

  /** The exception's type and message, never a stack (this runs on every failed command). */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? e.getClass().getSimpleName() + ": " + e.getMessage()
        : e.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
  }

  boolean degraded() {
    return degraded;
  }

  long fallbacks() {
    return fallbacks.get();
  }

  long recoveries() {
    return recoveries.get();
  }

  long failures() {
    return failures.get();
  }

  long timeouts() {
    return timeouts.get();
  }
}
