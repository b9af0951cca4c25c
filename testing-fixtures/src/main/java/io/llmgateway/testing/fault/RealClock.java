package io.llmgateway.testing.fault;

import java.time.Duration;

/** Real-clock pauses of a fault, on the connection's own thread (other connections go on). */
final class RealClock {
  private RealClock() {}

  static void pause(Duration delay) {
    try {
      Thread.sleep(Math.max(0, delay.toMillis()));
    } catch (InterruptedException e) {
      // The gateway is shutting down: answer now rather than hold its close.
      Thread.currentThread().interrupt();
    }
  }
}
