package io.llmgateway.internal.call;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.pipeline.CallCanceledException;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.Sleeper;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.stream.StreamResult;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A call made of other calls (complete a job exactly once, run a job's steps), written once as a
 * chain of futures: {@link #future()} runs it without holding a thread, {@link #execute()} waits
 * for it. Cancelling cancels the running step and the pending pause; a chain that must finish
 * something on cancellation (complete a job as failed) does it with {@link Chain#sendAnyway}, and
 * {@link #execute()} waits for that before it throws. A chain made with {@link #asOneCall} is
 * itself one call (complete a job: each send is an attempt), told and counted as one.
 */
public final class ChainedCall<T> implements GatewayCall<T> {
  private final Endpoint endpoint;
  private final Sleeper sleeper;
  private final Function<Chain, CompletableFuture<T>> steps;
  // Set for a chain that is one call of its own (asOneCall): what starts its driver.
  private final @Nullable CallRuntime rt;
  private final CallOptions options;
  private final AtomicBoolean executed = new AtomicBoolean();
  private final Chain chain = new Chain();
  private volatile CompletableFuture<?> running = CompletableFuture.completedFuture(null);
  private volatile @Nullable CallDriver driver;

  /** A chain of calls, each reported as the call it is. */
  public ChainedCall(
      Endpoint endpoint, Sleeper sleeper, Function<Chain, CompletableFuture<T>> steps) {
    this(endpoint, sleeper, steps, null, CallOptions.defaults());
  }

  private ChainedCall(
      Endpoint endpoint,
      Sleeper sleeper,
      Function<Chain, CompletableFuture<T>> steps,
      @Nullable CallRuntime rt,
      CallOptions options) {
    this.endpoint = endpoint;
    this.sleeper = sleeper;
    this.steps = steps;
    this.rt = rt;
    this.options = options;
  }

  /**
   * A chain that is one call on {@code endpoint}, told as one (one start, one end, one breaker
   * outcome, one request in the metrics): the steps send its attempts with {@link Chain#attempt},
   * ask {@link Chain#retryAfter} whether to send again, and may send other calls between (a read
   * that tells whether the last attempt landed), which are told as calls of their own.
   */
  public static <T> ChainedCall<T> asOneCall(
      CallRuntime rt,
      Endpoint endpoint,
      CallOptions options,
      Function<ChainedCall<T>.Chain, CompletableFuture<T>> steps) {
    return new ChainedCall<>(endpoint, rt.sleeper(), steps, rt, options);
  }

  @Override
  public T execute() {
    CompletableFuture<T> running = start();
    try {
      return running.get();
    } catch (InterruptedException e) {
      cancel();
      awaitQuietly(running); // the chain's own ending (a failed complete) happens before we return
      Thread.currentThread().interrupt();
      throw new CallInterruptedException(endpoint.id(), e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static void awaitQuietly(CompletableFuture<?> running) {
    boolean interrupted = false;
    while (!running.isDone()) {
      try {
        running.get(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (Exception e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void enqueue(Callback<? super T> callback) {
    start()
        .whenComplete(
            (value, error) -> {
              if (error != null) {
                callback.onFailure(unwrap(error));
              } else {
                callback.onSuccess(value);
              }
            });
  }

  @Override
  public CompletableFuture<T> future() {
    CompletableFuture<T> running = start();
    CompletableFuture<T> out =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            ChainedCall.this.cancel();
            return cancelled;
          }
        };
    running.whenComplete(
        (value, error) -> {
          if (error != null) {
            out.completeExceptionally(unwrap(error));
          } else {
            out.complete(value);
          }
        });
    return out;
  }

  private CompletableFuture<T> start() {
    if (!executed.compareAndSet(false, true)) {
      throw new IllegalStateException("this call was already started; copy() it to send again");
    }
    CallDriver d = rt == null ? null : CallDriver.start(rt.executor(), endpoint, options);
    driver = d;
    CompletableFuture<T> started;
    try {
      started = steps.apply(chain);
    } catch (RuntimeException e) {
      started = Futures.failed(e);
    }
    if (d != null) {
      // The call's end is told before anyone hears the outcome, as a RetryingCall's is.
      started = started.whenComplete((v, e) -> d.end(e == null ? null : unwrap(e)));
    }
    running = started;
    return started;
  }

  /**
   * Completes when the chain's steps have ended, whatever the outcome: later than a cancelled
   * {@link #future()} when the chain finishes something on cancellation (a job completed as
   * failed).
   */
  public CompletableFuture<Void> settled() {
    return running.handle((v, e) -> null);
  }

  @Override
  public void cancel() {
    chain.cancel();
  }

  @Override
  public boolean isCanceled() {
    return chain.canceled();
  }

  @Override
  public boolean isExecuted() {
    return executed.get();
  }

  @Override
  public ChainedCall<T> copy() {
    return new ChainedCall<>(endpoint, sleeper, steps, rt, options);
  }

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  /** {@code error} without the CompletionException or ExecutionException around it. */
  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static RuntimeException rethrow(@Nullable Throwable error) {
    Throwable e = error == null ? new IllegalStateException("no cause") : unwrap(error);
    if (e instanceof RuntimeException) {
      return (RuntimeException) e;
    }
    if (e instanceof Error) {
      throw (Error) e;
    }
    return new UndeclaredThrowableException(e);
  }

  @Override
  public String toString() {
    return "GatewayCall{" + endpoint + "}";
  }

  /** What the steps of a chain send and wait with; cancellation reaches whatever runs. */
  public final class Chain {
    private final Object lock = new Object();
    private boolean canceled;
    private @Nullable GatewayCall<?> running;
    private @Nullable CompletableFuture<?> pausing;

    /**
     * Sends {@code call} as the chain's current step; fails at once when the chain was cancelled.
     */
    public <U> CompletableFuture<U> send(GatewayCall<U> call) {
      synchronized (lock) {
        if (canceled) {
          return Futures.failed(new CallCanceledException(endpoint.id()));
        }
        running = call;
      }
      return call.future();
    }

    /** Sends {@code stream} as the chain's current step, chunks to {@code onChunk}; see send. */
    public CompletableFuture<StreamResult> stream(
        StreamingCall stream, Consumer<StreamChunk> onChunk) {
      synchronized (lock) {
        if (canceled) {
          return Futures.failed(new CallCanceledException(endpoint.id()));
        }
        running = stream;
      }
      return stream.streamed(onChunk);
    }

    /**
     * Sends {@code call} once, as the next attempt of this chain's call ({@link #asOneCall} only):
     * numbered and told as that call's attempt, its outcome handed back as it is. Fails at once
     * when the chain was cancelled.
     */
    public <U> CompletableFuture<U> attempt(GatewayCall<U> call) {
      CallDriver d = driver;
      if (d == null || !(call instanceof RetryingCall)) {
        throw new IllegalStateException("attempt() needs a chain made with asOneCall and a call");
      }
      synchronized (lock) {
        if (canceled) {
          return Futures.failed(new CallCanceledException(endpoint.id()));
        }
        running = call;
      }
      return ((RetryingCall<U>) call).attemptOf(d);
    }

    /**
     * After an attempt failed with {@code error}: the pause before the next attempt, as the call's
     * retry policy decides (and tells); or, when it does not retry, {@code error} (or the
     * deadline's timeout) as the call's end.
     */
    public CompletableFuture<Void> retryAfter(LlmGatewayException error) {
      CallDriver d = oneCall();
      if (d.ended()) {
        return Futures.failed(error); // refused before sending: nothing to retry
      }
      CallDriver.Step step;
      try {
        step = d.failed(error);
      } catch (RuntimeException end) {
        return Futures.failed(end);
      }
      return pause(step.delay()).thenRun(() -> d.waited(step));
    }

    /**
     * The attempt failed with {@code error} and the chain decides what follows by other means (it
     * reads back what the attempt did); the call stays open.
     */
    public void attemptFailed(LlmGatewayException error) {
      oneCall().attemptFailed(error);
    }

    private CallDriver oneCall() {
      CallDriver d = driver;
      if (d == null) {
        throw new IllegalStateException("only a chain made with asOneCall has attempts");
      }
      return d;
    }

    /** Sends {@code call} even when the chain was cancelled, and lets nothing cancel it. */
    public <U> CompletableFuture<U> sendAnyway(GatewayCall<U> call) {
      return call.future();
    }

    /**
     * Completes after {@code delay}, or at once (with a cancellation) when the chain is cancelled.
     */
    public CompletableFuture<Void> pause(Duration delay) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      synchronized (lock) {
        if (canceled) {
          done.completeExceptionally(new CallCanceledException(endpoint.id()));
          return done;
        }
        pausing = done;
      }
      if (delay.isZero() || delay.isNegative()) {
        done.complete(null);
      } else if (sleeper != Sleeper.system()) {
        AsyncEnv.steps()
            .execute(
                () -> {
                  try {
                    sleeper.sleep(delay);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  done.complete(null);
                });
      } else {
        Futures.completeAfter(delay, done);
      }
      return done;
    }

    /** Whether the chain was cancelled. */
    public boolean canceled() {
      synchronized (lock) {
        return canceled;
      }
    }

    void cancel() {
      GatewayCall<?> call;
      CompletableFuture<?> pause;
      synchronized (lock) {
        if (canceled) {
          return;
        }
        canceled = true;
        call = running;
        pause = pausing;
      }
      if (call != null) {
        call.cancel();
      }
      if (pause != null) {
        pause.completeExceptionally(new CallCanceledException(endpoint.id()));
      }
    }
  }
}
