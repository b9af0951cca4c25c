package io.llmgateway.coroutines.internal

import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.ErrorDetails
import io.llmgateway.error.Provider
import io.llmgateway.pipeline.AttemptContext
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.ResilientExecutor
import io.llmgateway.stream.StreamChunk
import java.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.TimeSource
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.FlowCollector
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.withTimeoutOrNull

private class OpenStream(
  val session: StreamSession,
  val first: StreamChunk,
  val provider: Provider,
  val budgetMillis: Long,
  val idleMillis: Long,
  val opened: TimeSource.Monotonic.ValueTimeMark,
)

/**
 * A cold flow of one streamed call: each collection opens the stream through the suspending loop
 * (retried only before the first chunk), emits chunks as they come, and cancels the connection when
 * the collector stops, whether it completed, failed or was cancelled. The total budget is the
 * attempt's timeout, counted from the opening; an idle gap or the total budget running out is a
 * [io.llmgateway.error.StreamInterruptedException] with the partial text, whose cause is the typed
 * [CallTimeoutException] (READ or TOTAL), as for the blocking `CallStream`.
 */
internal fun ResilientExecutor.streamFlow(
  endpoint: Endpoint,
  options: CallOptions,
  idle: Duration,
  start: (AttemptContext) -> StreamSession,
): Flow<StreamChunk> = flow {
  val open = executeSuspending(endpoint, options) { ctx -> openAttempt(ctx, idle, start) }
  try {
    emit(open.first)
    readRest(open)
    open.session.completed()
  } finally {
    open.session.cancel()
  }
}

private suspend fun openAttempt(
  ctx: AttemptContext,
  idle: Duration,
  start: (AttemptContext) -> StreamSession,
): OpenStream {
  val opened = TimeSource.Monotonic.markNow()
  val session = start(ctx)
  try {
    val first = awaitFirstChunk(session)
    return OpenStream(
      session,
      first,
      ctx.provider(),
      ctx.timeout().toMillis(),
      idle.toMillis(),
      opened,
    )
  } catch (e: Throwable) {
    session.cancel()
    throw e
  }
}

private suspend fun awaitFirstChunk(session: StreamSession): StreamChunk {
  val acc = session.accumulator
  while (true) {
    when (val signal = session.signals.receive()) {
      is StreamSignal.Data -> {
        acc.accept(signal.payload)?.let {
          return it
        }
        if (acc.sawDone()) throw acc.interrupted("stream ended before any chunk", null)
      }
      is StreamSignal.Failed -> throw signal.error
      StreamSignal.Ended -> throw acc.interrupted("stream ended before any chunk", null)
    }
  }
}

private suspend fun FlowCollector<StreamChunk>.readRest(open: OpenStream) {
  val acc = open.session.accumulator
  val idle = open.idleMillis
  while (true) {
    val left = open.budgetMillis - open.opened.elapsedNow().inWholeMilliseconds
    val wait = minOf(left, idle)
    val signal =
      if (wait <= 0) null
      else withTimeoutOrNull(wait.milliseconds) { open.session.signals.receive() }
    if (signal == null) {
      if (acc.isComplete) return // only the server's tail was lost
      val total = left <= idle
      val reason = if (total) "total stream timeout" else "no chunk for $idle ms"
      throw acc.interrupted(reason, timeout(open.provider, total))
    }
    when (signal) {
      is StreamSignal.Data -> acc.accept(signal.payload)?.let { emit(it) }
      is StreamSignal.Failed -> {
        if (acc.isComplete) return
        throw acc.interrupted("stream cut", signal.error)
      }
      StreamSignal.Ended -> {
        acc.finish()
        return
      }
    }
  }
}

private fun timeout(provider: Provider, total: Boolean): CallTimeoutException =
  CallTimeoutException(
    (if (total) "total stream timeout" else "idle timeout") + " [${provider.id()}]",
    ErrorDetails.of(provider),
    if (total) CallTimeoutException.Kind.TOTAL else CallTimeoutException.Kind.READ,
    null,
  )
