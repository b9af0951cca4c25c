package io.llmgateway.cli;

import io.llmgateway.metrics.CallEvent;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.metrics.RetryScheduled;
import io.llmgateway.metrics.Throttled;
import io.llmgateway.pipeline.Sleeper;
import io.llmgateway.retry.RetryDecision;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Says on stderr what a wait over 2 s is for and how long is left, so that a 56 s throttle wait is
 * not 56 s of silence. The client tells it why it will wait (a retry, the rate limiter) as a
 * listener, then waits through it as its sleeper: one line when the wait starts, then one every 10
 * s with the time left. On stderr in every mode, so stdout stays one JSON object per result.
 */
public final class WaitProgress implements CallListener, Sleeper {
  static final Duration SILENT_UP_TO = Duration.ofSeconds(2);
  static final Duration TICK = Duration.ofSeconds(10);

  private final PrintWriter err;
  private final Sleeper sleeper;
  // Set by the event before the wait, taken by the wait: the CLI runs one call at a time.
  private final AtomicReference<@Nullable String> next = new AtomicReference<>();

  public WaitProgress(PrintWriter err, Sleeper sleeper) {
    this.err = err;
    this.sleeper = sleeper;
  }

  @Override
  public void onEvent(CallEvent event) {
    if (event instanceof Throttled t) {
      next.set(
          "waiting for room in the rate-limit window of "
              + t.provider()
              + " "
              + t.endpoint().id()
              + " (the SDK waits instead of taking a 429)");
    } else if (event instanceof RetryScheduled r) {
      next.set(
          "waiting to retry "
              + r.provider()
              + " "
              + r.endpoint().id()
              + " (attempt "
              + (r.attempt() + 1)
              + " after "
              + r.errorType()
              + (r.reason() == RetryDecision.Reason.SERVER_HINT
                  ? ", as long as the gateway asked)"
                  : ", backoff)"));
    }
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    String what = next.getAndSet(null);
    if (duration.compareTo(SILENT_UP_TO) <= 0) {
      sleeper.sleep(duration);
      return;
    }
    String label = what == null ? "waiting" : what;
    Duration left = duration;
    while (left.compareTo(Duration.ZERO) > 0) {
      err.println("llmgw: " + label + ": " + seconds(left) + " s left");
      err.flush();
      Duration step = left.compareTo(TICK) < 0 ? left : TICK;
      sleeper.sleep(step);
      left = left.minus(step);
    }
  }

  /** Rounded up: "1 s left" until it is over. */
  private static long seconds(Duration d) {
    return (d.toMillis() + 999) / 1000;
  }
}
