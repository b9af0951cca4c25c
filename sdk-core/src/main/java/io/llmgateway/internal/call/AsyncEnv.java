package io.llmgateway.internal.call;

import io.llmgateway.internal.CallDeadlines;
import io.llmgateway.pipeline.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A run that holds no thread: exchanges go out with OkHttp's {@code enqueue()}, waits are timers on
 * one shared daemon scheduler (the step after a wait runs on a daemon pool, so a slow callback
 * never delays another call's timer). With a client's injected {@link Sleeper} (a test's virtual
 * clock) a wait is that sleeper's, asked on the pool. Stopping the run cancels its exchange and
 * fires its pending wait at once.
 */
final class AsyncEnv extends Env {
  private static final ScheduledThreadPoolExecutor TIMERS = timers();
  private static final ExecutorService STEPS = Executors.newCachedThreadPool(daemon("llmgw-step"));

  private final Sleeper sleeper;
  private final AtomicReference<@Nullable Runnable> pending = new AtomicReference<>();
  private volatile @Nullable ScheduledFuture<?> timer;

  AsyncEnv(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  void run(Runnable step) {
    step.run();
  }

  @Override
  void after(Duration delay, Runnable then) {
    pending.set(then);
    if (stopped() != null || delay.isZero() || delay.isNegative()) {
      STEPS.execute(this::firePending);
    } else if (sleeper != Sleeper.system()) {
      STEPS.execute(
          () -> {
            try {
              sleeper.sleep(delay);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            firePending();
          });
    } else {
      timer =
          TIMERS.schedule(
              () -> STEPS.execute(this::firePending), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void firePending() {
    Runnable then = pending.getAndSet(null);
    if (then != null) {
      then.run();
    }
  }

  @Override
  void wake() {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    if (pending.get() != null) {
      STEPS.execute(this::firePending);
    }
  }

  @Override
  void send(Call call, Duration timeout, Object reason, Sent sent) {
    CallDeadlines.Deadline deadline = CallDeadlines.shared().start(call, timeout, null, reason);
    started(call);
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call c, Response response) {
            sent.responded(response, deadline);
          }

          @Override
          public void onFailure(Call c, IOException e) {
            sent.failed(e, deadline);
          }
        });
  }

  /** The one daemon timer thread of every async wait. */
  static ScheduledThreadPoolExecutor timer() {
    return TIMERS;
  }

  /** The daemon pool that runs steps after waits (and work that must not block OkHttp). */
  static ExecutorService steps() {
    return STEPS;
  }

  private static ScheduledThreadPoolExecutor timers() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemon("llmgw-timer"));
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
