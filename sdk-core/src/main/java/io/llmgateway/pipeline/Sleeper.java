package io.llmgateway.pipeline;

import java.time.Duration;

/** How the blocking loop waits. Injected so tests never sleep for real. */
@FunctionalInterface
public interface Sleeper {
  /** Blocks for {@code duration}; throws when the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * {@link Thread#sleep}. Always the same instance: the SDK's call layer recognises it and waits in
   * a way that {@code GatewayCall.cancel()} can cut short.
   */
  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}
