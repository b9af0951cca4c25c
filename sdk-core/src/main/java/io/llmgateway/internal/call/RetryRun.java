package io.llmgateway.internal.call;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import java.util.concurrent.CancellationException;

/**
 * One run of a call: the retry loop, written once. {@link CallDriver} decides (throttle, circuit,
 * deadline, retry and backoff); the {@link Env} waits and sends, on the caller's thread or without
 * holding one. Each step continues in the next, so the same code serves {@code execute()}, {@code
 * enqueue()} and Kotlin's {@code await()}.
 */
final class RetryRun<T> {
  /** Hears the end of the run, exactly once. */
  interface Done<T> {
    void succeeded(T value);

    void failed(Throwable error);
  }

  private final CallRuntime rt;
  private final AttemptSpec<T> spec;
  private final Env env;
  private final Done<T> done;
  private final CallDriver driver;
  // False when the run is one attempt of a call made of steps (ChainedCall.asOneCall): the driver
  // is the chain's, which decides what follows an attempt and ends the call.
  private final boolean ownsCall;

  RetryRun(
      CallRuntime rt,
      Endpoint endpoint,
      CallOptions options,
      AttemptSpec<T> spec,
      Env env,
      Done<T> done) {
    this.rt = rt;
    this.spec = spec;
    this.env = env;
    this.done = done;
    this.driver = CallDriver.start(rt.executor(), endpoint, options);
    this.ownsCall = true;
    env.name(driver.call().requestId());
  }

  /**
   * One attempt of the call {@code driver} drives: waits for the throttle, sends once and hands the
   * attempt's outcome to {@code done} untouched.
   */
  RetryRun(CallRuntime rt, CallDriver driver, AttemptSpec<T> spec, Env env, Done<T> done) {
    this.rt = rt;
    this.spec = spec;
    this.env = env;
    this.done = done;
    this.driver = driver;
    this.ownsCall = false;
    env.name(driver.call().requestId());
  }

  /** The request id, stable across attempts. */
  String requestId() {
    return driver.call().requestId();
  }

  void start() {
    env.run(this::next);
  }

  private void next() {
    CancellationException stopped = env.stopped();
    if (stopped != null) {
      done.failed(ownsCall ? driver.cancelled(stopped) : stopped);
      return;
    }
    CallDriver.Step step;
    try {
      step = driver.next();
    } catch (RuntimeException e) {
      done.failed(e); // refused before sending: throttled, circuit open, deadline passed
      return;
    }
    if (step.isWait()) {
      env.after(step.delay(), () -> resume(step));
      return;
    }
    HttpAttempt.send(rt, spec, step.context(), env, new AttemptOutcome());
  }

  private void resume(CallDriver.Step waited) {
    driver.waited(waited);
    next();
  }

  private final class AttemptOutcome implements Outcome<T> {
    @Override
    public void success(T value) {
      done.succeeded(ownsCall ? driver.succeeded(value) : value);
    }

    @Override
    public void failure(LlmGatewayException error) {
      CancellationException stopped = env.stopped();
      if (stopped != null) {
        aborted(stopped); // lost the race with a cancellation: not the gateway's failure
        return;
      }
      if (!ownsCall) {
        done.failed(error);
        return;
      }
      CallDriver.Step retry;
      try {
        retry = driver.failed(error);
      } catch (RuntimeException end) {
        done.failed(end);
        return;
      }
      env.after(retry.delay(), () -> resume(retry));
    }

    @Override
    public void aborted(Throwable cause) {
      done.failed(ownsCall ? driver.aborted(cause) : cause);
    }
  }
}
