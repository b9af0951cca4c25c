package io.llmgateway.ratelimit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How long before a window's end a cleared request may still reach the gateway after it: a fixed
 * value, or learnt as {@link #FLOOR} plus the fastest of this process's last {@value #SAMPLES}
 * attempts (cleared to answered), at most a tenth of the window. The fastest attempt bounds the
 * network's share of a request's way to the gateway from above without counting a model's
 * generation time (an LLM answer takes seconds, its request arrives in milliseconds); the floor
 * covers the client-side pauses of a busy process (GC, JIT, scheduling: tens of milliseconds
 * measured on a loaded 2-core host) between clearing a request and sending it. Thread-safe.
 */
final class EdgeMargin {
  /** Added to the learnt latency: a busy JVM's pauses between clearing and sending. */
  static final Duration FLOOR = Duration.ofMillis(50);

  static final int SAMPLES = 32;

  private final @Nullable Duration fixed;
  private final long capNanos;
  private final long[] recent = new long[SAMPLES];
  private int next;
  private int count;
  private volatile Duration current;

  EdgeMargin(@Nullable Duration fixed, Duration window) {
    this.fixed = fixed;
    this.capNanos = window.toNanos() / 10;
    this.current = fixed != null ? fixed : Duration.ofNanos(Math.min(capNanos, FLOOR.toNanos()));
  }

  Duration current() {
    return current;
  }

  /** One attempt took {@code latency} from being cleared to its answer. */
  void sample(Duration latency) {
    if (fixed != null || latency.isNegative()) {
      return;
    }
    long fastest;
    synchronized (this) {
      recent[next] = latency.toNanos();
      next = (next + 1) % SAMPLES;
      count = Math.min(count + 1, SAMPLES);
      fastest = Long.MAX_VALUE;
      for (int i = 0; i < count; i++) {
        fastest = Math.min(fastest, recent[i]);
      }
    }
    current = Duration.ofNanos(Math.min(capNanos, FLOOR.toNanos() + fastest));
  }
}
