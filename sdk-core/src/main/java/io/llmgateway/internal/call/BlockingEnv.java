package io.llmgateway.internal.call;

import io.llmgateway.internal.CallDeadlines;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.pipeline.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Call;
import okhttp3.Response;

/**
 * A run on the caller's thread: exchanges are sent with OkHttp's {@code execute()}, waits block
 * (through the client's {@link Sleeper}), and every step runs from one loop (a trampoline, so a
 * long run of retries never deepens the stack). Interrupting the thread cancels the running
 * exchange within {@code CallDeadlines}' poll and ends any wait at once; the run then stops with
 * {@link CallInterruptedException} and the thread keeps its interrupt flag.
 */
final class BlockingEnv extends Env {
  private final ArrayDeque<Runnable> steps = new ArrayDeque<>();
  private final Sleeper sleeper;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition woken = lock.newCondition();

  BlockingEnv(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  void run(Runnable step) {
    steps.add(step);
    for (Runnable next = steps.poll(); next != null; next = steps.poll()) {
      next.run();
    }
  }

  @Override
  void after(Duration delay, Runnable then) {
    if (!delay.isZero() && !delay.isNegative() && stopped() == null) {
      try {
        pause(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop(new CallInterruptedException(name(), e));
      }
    }
    steps.add(then);
  }

  // The system sleeper waits on a condition that stop() signals; an injected one (a test's
  // virtual clock) is asked as it is.
  private void pause(Duration delay) throws InterruptedException {
    if (sleeper != Sleeper.system()) {
      sleeper.sleep(delay);
      return;
    }
    long left = delay.toNanos();
    lock.lock();
    try {
      while (left > 0 && stopped() == null) {
        left = woken.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  void wake() {
    lock.lock();
    try {
      woken.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  void send(Call call, Duration timeout, Object reason, Sent sent) {
    Thread self = Thread.currentThread();
    CallDeadlines.Deadline deadline = CallDeadlines.shared().start(call, timeout, self, reason);
    started(call);
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      steps.add(() -> sent.failed(e, deadline));
      return;
    } catch (RuntimeException | Error e) {
      deadline.close();
      throw e;
    }
    steps.add(() -> sent.responded(response, deadline));
  }
}
