package io.llmgateway.pipeline;

import java.time.Duration;

/** How the blocking loop waits. Injected so tests never sleep for real. */
@FunctionalInterface
public interface Sleeper {
  /** Blocks for {@code duration}; throws when the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** {@link Thread#sleep}. */
  static Sleeper system() {
    return d -> {
      long nanos = d.toNanos();
      if (nanos > 0) {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    };
  }
}
