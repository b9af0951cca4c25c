package io.llmgateway.cli.console;

import io.llmgateway.metrics.AttemptFinished;
import io.llmgateway.metrics.AttemptStarted;
import io.llmgateway.metrics.CallEvent;
import io.llmgateway.metrics.CallFinished;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.metrics.CallStarted;
import io.llmgateway.metrics.RetryScheduled;
import io.llmgateway.metrics.StreamEnded;
import io.llmgateway.metrics.Throttled;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts attempts, 429s and time waited (backoff plus throttling) for one command or scenario, and
 * when its calls ran: from the first call's start to the last call's (or stream's) end, on the real
 * clock, so that client start-up is not counted as latency.
 */
public final class CallTally implements CallListener {
  private static final long NONE = Long.MIN_VALUE;

  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong tooManyRequests = new AtomicLong();
  private final AtomicLong waitedNanos = new AtomicLong();
  private final AtomicLong firstStart = new AtomicLong(NONE);
  private final AtomicLong lastEnd = new AtomicLong(NONE);

  @Override
  public void onEvent(CallEvent event) {
    if (event instanceof CallStarted) {
      firstStart.compareAndSet(NONE, System.nanoTime());
    } else if (event instanceof AttemptStarted) {
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
    } else if (event instanceof CallFinished || event instanceof StreamEnded) {
      lastEnd.set(System.nanoTime()); // a stream's call ends when it opens; its stream later
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

  /** Whether a call started since the last reset. */
  public boolean called() {
    return firstStart.get() != NONE;
  }

  /** {@link System#nanoTime()} when the first call started; only when {@link #called()}. */
  public long firstCallStartNanos() {
    return firstStart.get();
  }

  /** From the first call's start to the last call's end, in ms; 0 when no call ended. */
  public long callsMs() {
    long start = firstStart.get();
    long end = lastEnd.get();
    return start == NONE || end == NONE ? 0 : Math.max(0, (end - start) / 1_000_000);
  }

  /** Starts counting again from zero. */
  public void reset() {
    attempts.set(0);
    retries.set(0);
    tooManyRequests.set(0);
    waitedNanos.set(0);
    firstStart.set(NONE);
    lastEnd.set(NONE);
  }
}
