package io.llmgateway.internal.call;

import io.llmgateway.internal.Redaction;
import io.llmgateway.pipeline.CallCanceledException;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link GatewayCall} implementation: an endpoint, its options and its {@link AttemptSpec},
 * run through the client's pipeline by {@link RetryRun}, blocking or not, with the client's {@link
 * CallHooks} around it.
 */
public final class RetryingCall<T> implements GatewayCall<T> {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingCall.class);

  private final CallRuntime rt;
  private final Endpoint endpoint;
  private final CallOptions options;
  private final AttemptSpec<T> spec;
  private final CallHooks hooks;
  private final @Nullable UnaryOperator<RuntimeException> afterFailure;
  private final AtomicBoolean executed = new AtomicBoolean();
  private volatile boolean canceled;
  private volatile @Nullable Env env;

  public RetryingCall(
      CallRuntime rt,
      Endpoint endpoint,
      CallOptions options,
      AttemptSpec<T> spec,
      CallHooks hooks) {
    this.rt = rt;
    this.endpoint = endpoint;
    this.options = options;
    this.spec = spec;
    this.hooks = hooks;
    this.afterFailure = hooks.afterFailure();
  }

  @Override
  public T execute() {
    markExecuted();
    hooks.guard();
    BlockingEnv blocking = new BlockingEnv(rt.sleeper());
    BlockingOutcome outcome = new BlockingOutcome();
    RetryRun<T> run = new RetryRun<>(rt, endpoint, options, spec, blocking, outcome);
    attach(blocking);
    run.start();
    if (outcome.failure != null) {
      throw rethrow(mapped(outcome.failure));
    }
    return outcome.value;
  }

  @Override
  public void enqueue(Callback<? super T> callback) {
    enqueue(callback, (async, done) -> new RetryRun<>(rt, endpoint, options, spec, async, done));
  }

  /**
   * Sends this call once, as the next attempt of the call {@code driver} drives (a call made of
   * steps, {@link ChainedCall#asOneCall}): the attempt's events and its number are that call's, and
   * its outcome comes back as it is, for the chain to decide what follows.
   */
  CompletableFuture<T> attemptOf(CallDriver driver) {
    CompletableFuture<T> out = new CompletableFuture<>();
    enqueue(
        Callback.completing(out), (async, done) -> new RetryRun<>(rt, driver, spec, async, done));
    return out;
  }

  private void enqueue(
      Callback<? super T> callback, BiFunction<AsyncEnv, RetryRun.Done<T>, RetryRun<T>> runs) {
    markExecuted();
    try {
      hooks.guard();
    } catch (RuntimeException refused) {
      tell(() -> callback.onFailure(refused));
      return;
    }
    AsyncEnv async = new AsyncEnv(rt.sleeper());
    AtomicBoolean told = new AtomicBoolean();
    RetryRun<T> run =
        runs.apply(
            async,
            new RetryRun.Done<T>() {
              @Override
              public void succeeded(T value) {
                if (told.compareAndSet(false, true)) {
                  tell(() -> callback.onSuccess(value));
                }
              }

              @Override
              public void failed(Throwable error) {
                if (told.compareAndSet(false, true)) {
                  if (afterFailure != null && error instanceof RuntimeException) {
                    // The mapping may send a request of its own: never on OkHttp's thread.
                    AsyncEnv.steps().execute(() -> tell(() -> callback.onFailure(mapped(error))));
                  } else {
                    tell(() -> callback.onFailure(error));
                  }
                }
              }
            });
    attach(async);
    run.start();
  }

  @Override
  public CompletableFuture<T> future() {
    CompletableFuture<T> future =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            RetryingCall.this.cancel();
            return cancelled;
          }
        };
    enqueue(Callback.completing(future));
    return future;
  }

  @Override
  public void cancel() {
    canceled = true;
    Env running = env;
    if (running != null) {
      running.stop(new CallCanceledException(running.name()));
    }
  }

  @Override
  public boolean isCanceled() {
    return canceled;
  }

  @Override
  public boolean isExecuted() {
    return executed.get();
  }

  @Override
  public RetryingCall<T> copy() {
    return new RetryingCall<>(rt, endpoint, options, spec, hooks);
  }

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  public CallOptions options() {
    return options;
  }

  private void markExecuted() {
    if (!executed.compareAndSet(false, true)) {
      throw new IllegalStateException("this call was already started; copy() it to send again");
    }
  }

  private void attach(Env e) {
    env = e;
    if (canceled) {
      e.stop(new CallCanceledException(e.name()));
    }
  }

  private Throwable mapped(Throwable error) {
    if (afterFailure == null || !(error instanceof RuntimeException)) {
      return error;
    }
    try {
      return afterFailure.apply((RuntimeException) error);
    } catch (RuntimeException e) {
      error.addSuppressed(e);
      return error;
    }
  }

  private static RuntimeException rethrow(Throwable error) {
    if (error instanceof RuntimeException) {
      return (RuntimeException) error;
    }
    if (error instanceof Error) {
      throw (Error) error;
    }
    return new UndeclaredThrowableException(error);
  }

  // A callback that throws is the caller's bug: logged, never allowed to kill an SDK thread.
  private static void tell(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("errorType", e.getClass().getSimpleName())
          .log("call callback failed: " + Redaction.redact(String.valueOf(e.getMessage())));
    }
  }

  @Override
  public String toString() {
    return "GatewayCall{" + endpoint + "}";
  }

  /** A blocking run's end, read once the run returns. */
  private final class BlockingOutcome implements RetryRun.Done<T> {
    private @Nullable T value;
    private @Nullable Throwable failure;

    @Override
    public void succeeded(T v) {
      value = v;
    }

    @Override
    public void failed(Throwable error) {
      failure = error;
    }
  }
}
