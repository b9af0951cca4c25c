package io.llmgateway.coroutines.internal

import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.ErrorDetails
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.pipeline.AttemptContext
import io.llmgateway.pipeline.CallDriver
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.ResilientExecutor
import kotlin.coroutines.cancellation.CancellationException
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.delay
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.withTimeoutOrNull

/**
 * The suspending twin of the blocking loop: the same [CallDriver] decides (throttle, circuit,
 * deadline, retry and backoff), and waits are `delay`s instead of sleeps. Each attempt also runs
 * under its own timeout, whose expiry surfaces as the SDK's typed attempt timeout. A cancellation
 * from outside (the caller's `withTimeout`, a cancelled job) is not an attempt failure: it is not
 * counted, not retried, and propagates as the cancellation it is.
 */
internal suspend fun <T : Any> ResilientExecutor.executeSuspending(
  endpoint: Endpoint,
  options: CallOptions,
  attempt: suspend (AttemptContext) -> T,
): T {
  val driver = CallDriver.start(this, endpoint, options)
  while (true) {
    val step = driver.next()
    if (step.isWait) {
      pause(driver, step)
      continue
    }
    val ctx = step.context()
    val result =
      try {
        // Null only when this attempt's own timer fired (an attempt never answers null): an
        // outer timeout or cancellation is thrown through instead, to the catch below.
        withTimeoutOrNull(ctx.timeout().toMillis().coerceAtLeast(1)) { attempt(ctx) }
      } catch (e: LlmGatewayException) {
        stillWanted(driver)
        pause(driver, driver.failed(e))
        continue
      } catch (e: Throwable) {
        throw driver.aborted(e)
      }
    if (result == null) {
      pause(driver, driver.failed(attemptTimedOut(ctx)))
      continue
    }
    return driver.succeeded(result)
  }
}

/** An error that lost the race with the caller's cancellation is not the attempt's failure. */
private suspend fun stillWanted(driver: CallDriver) {
  try {
    currentCoroutineContext().ensureActive()
  } catch (e: CancellationException) {
    throw driver.aborted(e)
  }
}

private suspend fun pause(driver: CallDriver, step: CallDriver.Step) {
  try {
    if (!step.delay().isZero) delay(step.delay().toMillis())
  } catch (e: CancellationException) {
    throw driver.cancelled(e)
  }
  driver.waited(step)
}

private fun attemptTimedOut(ctx: AttemptContext): CallTimeoutException =
  CallTimeoutException(
    "attempt timeout after ${ctx.timeout().toMillis()}ms [${ctx.provider().id()}]",
    ErrorDetails.of(ctx.provider()),
    CallTimeoutException.Kind.ATTEMPT,
    null,
  )
