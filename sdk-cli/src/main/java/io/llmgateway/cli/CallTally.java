package io.llmgateway.cli;

import io.llmgateway.metrics.AttemptFinished;
import io.llmgateway.metrics.AttemptStarted;
import io.llmgateway.metrics.CallEvent;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.metrics.RetryScheduled;
import io.llmgateway.metrics.Throttled;
import java.util.concurrent.atomic.AtomicLong;

/** Counts attempts, 429s and time waited (backoff plus throttling) for one command or scenario. */
public final class CallTally implements CallListener {
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong tooManyRequests = new AtomicLong();
  private final AtomicLong waitedNanos = new AtomicLong();

  @Override
  public void onEvent(CallEvent event) {
    if (event instanceof AttemptStarted) {
      attempts.incrementAndGet();
    } else if (event instanceof AttemptFinished finished) {
      Integer status = finished.status();
      if (status != null && status == 429) {
        tooManyRequests.incrementAndGet();
      }
    } else if (event instanceof RetryScheduled retry) {
      retries.incrementAndGet();
      waitedNanos.addAndGet(retry.delay().toNanos());
    } else if (event instanceof Throttled throttled) {
      waitedNanos.addAndGet(throttled.delay().toNanos());
    }
  }

  public long attempts() {
    return attempts.get();
  }

  public long retries() {
    return retries.get();
  }

  public long tooManyRequests() {
    return tooManyRequests.get();
  }

  public long waitedMs() {
    return waitedNanos.get() / 1_000_000;
  }

  /** Starts counting again from zero. */
  public void reset() {
    attempts.set(0);
    retries.set(0);
    tooManyRequests.set(0);
    waitedNanos.set(0);
  }
}
