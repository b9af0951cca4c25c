package io.llmgateway.internal.call;

import io.llmgateway.internal.CallDeadlines;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import okhttp3.Call;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * How one run of a call waits and sends: on the caller's thread ({@link BlockingEnv}) or without
 * holding a thread ({@link AsyncEnv}). The retry loop and the attempts are written once against
 * this; only these few operations differ per call style.
 */
abstract class Env {
  /** What an HTTP exchange sent through {@link #send} came to. */
  interface Sent {
    /** A response arrived; the deadline is still armed (the body may still be read). */
    void responded(Response response, CallDeadlines.Deadline deadline);

    /**
     * No response: the deadline tells a timeout or an interrupt from the exchange's own failure.
     */
    void failed(IOException failure, CallDeadlines.Deadline deadline);
  }

  private final Object lock = new Object();
  private volatile String name = "";
  // Guarded by lock.
  private @Nullable CancellationException stopped;
  private @Nullable Call current;

  /** The call's request id, for the cancellation errors of this run. */
  final String name() {
    return name;
  }

  final void name(String requestId) {
    this.name = requestId;
  }

  /** Runs {@code step} and everything it leads to in this env. */
  abstract void run(Runnable step);

  /** Continues with {@code then} after {@code delay}, or sooner when the run is stopped. */
  abstract void after(Duration delay, Runnable then);

  /**
   * Sends {@code call} and reports to {@code sent}. {@code timeout} ends it (the deadline's reason
   * is {@code reason}).
   */
  abstract void send(Call call, Duration timeout, Object reason, Sent sent);

  /** Stops the run with {@code cause}: its HTTP exchange is cancelled and its wait ends. */
  final void stop(CancellationException cause) {
    Call running;
    synchronized (lock) {
      if (stopped != null) {
        return;
      }
      stopped = cause;
      running = current;
    }
    if (running != null) {
      running.cancel();
    }
    wake();
  }

  /** Ends a wait early; called once the run was stopped. */
  abstract void wake();

  /** Why the run was stopped, or null while it goes on. */
  final @Nullable CancellationException stopped() {
    synchronized (lock) {
      return stopped;
    }
  }

  /** Makes {@code call} the running exchange; cancelled at once when the run was stopped. */
  final void started(Call call) {
    boolean cancel;
    synchronized (lock) {
      current = call;
      cancel = stopped != null;
    }
    if (cancel) {
      call.cancel();
    }
  }
}
