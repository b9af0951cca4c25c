package io.llmgateway.internal.call;

import io.llmgateway.pipeline.CallCanceledException;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.pipeline.Endpoint;
import java.util.concurrent.CompletableFuture;

/**
 * One request to a gateway, sent through the client's pipeline (throttle, circuit breaker, retries,
 * timeouts, listener events): Retrofit's {@code Call} shape. Every call style is this object:
 * {@link #execute()} blocks, {@link #enqueue} and {@link #future()} do not, and Kotlin's {@code
 * await()} suspends over {@code enqueue}. A call runs once; {@link #copy()} gives a fresh one.
 * Thread-safe.
 *
 * @param <T> what a successful call returns
 */
public interface GatewayCall<T> {
  /**
   * Sends the call and blocks until it succeeded or failed for good. Interrupting the thread
   * cancels the HTTP exchange within about 20 ms and throws {@link CallInterruptedException},
   * keeping the interrupt flag.
   *
   * @throws io.llmgateway.error.LlmGatewayException the typed error that ended the call
   * @throws CallCanceledException when {@link #cancel()} was called
   * @throws IllegalStateException when this call was already started
   */
  T execute();

  /**
   * Sends the call without blocking; {@code callback} hears the outcome exactly once, on an OkHttp
   * or SDK thread. Waits between attempts hold no thread.
   *
   * @throws IllegalStateException when this call was already started
   */
  void enqueue(Callback<? super T> callback);

  /**
   * {@link #enqueue} as a future. Cancelling the future (with or without interrupt) cancels the
   * call: the HTTP exchange stops at once and no further attempt is made.
   */
  CompletableFuture<T> future();

  /**
   * Stops the call: a running HTTP exchange is cancelled, a pending wait ends, and no attempt
   * follows. A blocked {@link #execute()} throws {@link CallCanceledException}; a callback hears it
   * as its failure. Safe to call at any time, more than once.
   */
  void cancel();

  boolean isCanceled();

  /** Whether {@link #execute()}, {@link #enqueue} or {@link #future()} was called. */
  boolean isExecuted();

  /** A new, unstarted call of the same request. */
  GatewayCall<T> copy();

  /** The endpoint this call goes to (keys timeouts, breakers and metrics). */
  Endpoint endpoint();

  /** The outcome of an enqueued call. */
  interface Callback<T> {
    void onSuccess(T value);

    /**
     * The typed {@link io.llmgateway.error.LlmGatewayException}, a {@link CallCanceledException},
     * or a bug of the caller's (an exception thrown by their own code inside the call).
     */
    void onFailure(Throwable error);

    /** A callback that completes {@code future} with what it hears. */
    static <T> Callback<T> completing(CompletableFuture<T> future) {
      return new Callback<T>() {
        @Override
        public void onSuccess(T value) {
          future.complete(value);
        }

        @Override
        public void onFailure(Throwable error) {
          future.completeExceptionally(error);
        }
      };
    }
  }
}
