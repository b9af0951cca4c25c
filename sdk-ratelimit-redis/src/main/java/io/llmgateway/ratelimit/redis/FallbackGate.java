package io.llmgateway.ratelimit.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, per store operation, whether to go to Redis or stay local; counts and logs the switches.
 * Healthy: every operation goes to Redis. A failure or timeout makes the store degraded (one WARN
 * log) until the re-probe time on the injected clock; then one operation at a time probes Redis,
 * and the first probe that succeeds ends the degradation (one INFO log).
 */
final class FallbackGate {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimitStore.class);

  /** Where one operation goes. */
  enum Route {
    REDIS,
    PROBE,
    LOCAL
  }

  private final Clock clock;
  private final Duration reprobeInterval;
  private final Runnable onDegraded;
  private final AtomicBoolean probing = new AtomicBoolean();
  private final AtomicLong fallbacks = new AtomicLong();
  private final AtomicLong recoveries = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean degraded;
  private volatile Instant nextProbe = Instant.MIN;

  FallbackGate(Clock clock, Duration reprobeInterval, Runnable onDegraded) {
    this.clock = clock;
    this.reprobeInterval = reprobeInterval;
    this.onDegraded = onDegraded;
  }

  Route route() {
    if (!degraded) {
      return Route.REDIS;
    }
    if (clock.instant().isBefore(nextProbe)) {
      return Route.LOCAL;
    }
    return probing.compareAndSet(false, true) ? Route.PROBE : Route.LOCAL;
  }

  void succeeded(Route route) {
    if (route != Route.PROBE) {
      return; // a call that began before a failure proves nothing about now
    }
    synchronized (this) {
      if (degraded) {
        degraded = false;
        recoveries.incrementAndGet();
        LOG.info("Redis rate-limit store recovered: shared rate windows are back in use");
      }
    }
    probing.set(false);
  }

  void failed(Route route, RuntimeException e) {
    failures.incrementAndGet();
    synchronized (this) {
      nextProbe = clock.instant().plus(reprobeInterval);
      if (!degraded) {
        degraded = true;
        fallbacks.incrementAndGet();
        onDegraded.run();
        LOG.warn(
            "Redis rate-limit store unavailable ({}): limiting locally in this process, next try in"
                + " {}",
            describe(e),
            reprobeInterval);
      } else {
        LOG.debug("Redis rate-limit store still unavailable ({})", describe(e));
      }
    }
    if (route == Route.PROBE) {
      probing.set(false);
    }
  }

  /** An operation that ended without telling whether Redis works (its thread was interrupted). */
  void abandoned(Route route) {
    if (route == Route.PROBE) {
      probing.set(false);
    }
  }

  /** The exception's type and message, never a stack (this runs on every failed command). */
  private static String describe(Throwable e) {
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
}
