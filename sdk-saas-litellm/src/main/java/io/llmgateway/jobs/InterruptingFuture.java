package io.llmgateway.jobs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A future whose {@link #cancel} interrupts the thread running its work, so a cancelled job scope
 * stops at its next wait or request and completes its job as failed ({@code CompletableFuture}'s
 * own cancel only marks the future).
 */
final class InterruptingFuture<T> extends CompletableFuture<T> {
  private final Object lock = new Object();
  private @Nullable Thread runner;

  private InterruptingFuture() {}

  static <T> CompletableFuture<T> supply(Supplier<T> work, Executor executor) {
    InterruptingFuture<T> future = new InterruptingFuture<>();
    executor.execute(() -> future.run(work));
    return future;
  }

  private void run(Supplier<T> work) {
    synchronized (lock) {
      if (isDone()) {
        return; // cancelled before it started
      }
      runner = Thread.currentThread();
    }
    try {
      complete(work.get());
    } catch (Throwable failure) {
      completeExceptionally(failure);
    } finally {
      synchronized (lock) {
        runner = null;
      }
      if (isCancelled()) {
        // The interrupt was ours; do not leak it into the executor's next task.
        Thread.interrupted();
      }
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      synchronized (lock) {
        if (runner != null) {
          runner.interrupt();
        }
      }
    }
    return cancelled;
  }
}
