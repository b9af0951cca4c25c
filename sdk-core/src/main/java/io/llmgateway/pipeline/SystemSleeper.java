package io.llmgateway.pipeline;

import java.time.Duration;

/** {@link Sleeper#system()}: one instance, so that it can be recognised. */
final class SystemSleeper implements Sleeper {
  static final SystemSleeper INSTANCE = new SystemSleeper();

  private SystemSleeper() {}

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    long nanos = duration.toNanos();
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }

  @Override
  public String toString() {
    return "Sleeper.system()";
  }
}
