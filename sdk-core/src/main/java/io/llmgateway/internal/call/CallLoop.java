package io.llmgateway.internal.call;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.Sleeper;

/**
 * The blocking loop of one call: waits with the {@link Sleeper}; every decision is the driver's.
 */
final class CallLoop<T> {
  private final ResilientExecutor x;
  private final Attempt<T> attempt;
  private final CallDriver driver;

  CallLoop(ResilientExecutor x, Endpoint endpoint, CallOptions options, Attempt<T> attempt) {
    this.x = x;
    this.attempt = attempt;
    this.driver = CallDriver.start(x, endpoint, options);
  }

  T run() {
    while (true) {
      CallDriver.Step step = driver.next();
      if (step.isWait()) {
        sleep(step);
        continue;
      }
      T result;
      try {
        result = attempt.run(step.context());
      } catch (LlmGatewayException e) {
        sleep(driver.failed(e));
        continue;
      } catch (RuntimeException e) {
        throw driver.aborted(e);
      } catch (Error e) {
        throw driver.aborted(e);
      }
      return driver.succeeded(result);
    }
  }

  private void sleep(CallDriver.Step step) {
    if (!step.delay().isZero()) {
      try {
        x.sleeper.sleep(step.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw driver.cancelled(new CallInterruptedException(driver.call().requestId(), e));
      }
    }
    driver.waited(step);
  }
}
