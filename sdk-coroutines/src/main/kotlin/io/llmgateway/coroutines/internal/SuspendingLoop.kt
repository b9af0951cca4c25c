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
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout

/**
 * The suspending twin of the blocking loop: the same [CallDriver] decides (throttle, circuit,
 * deadline, retry and backoff), and waits are `delay`s instead of sleeps. Each attempt also runs
 * under `withTimeout`, whose expiry surfaces as the SDK's typed attempt timeout.
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
        withTimeout(ctx.timeout().toMillis().coerceAtLeast(1)) { attempt(ctx) }
      } catch (e: TimeoutCancellationException) {
        pause(driver, driver.failed(attemptTimedOut(ctx, e)))
        continue
      } catch (e: LlmGatewayException) {
        pause(driver, driver.failed(e))
        continue
      } catch (e: Throwable) {
        throw driver.aborted(e)
      }
    return driver.succeeded(result)
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

private fun attemptTimedOut(ctx: AttemptContext, cause: Throwable): CallTimeoutException =
  CallTimeoutException(
    "attempt timeout after ${ctx.timeout().toMillis()}ms [${ctx.provider().id()}]",
    ErrorDetails.of(ctx.provider()),
    CallTimeoutException.Kind.ATTEMPT,
    cause,
  )
