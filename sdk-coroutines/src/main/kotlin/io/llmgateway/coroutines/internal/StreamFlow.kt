package io.llmgateway.coroutines.internal

import io.llmgateway.jobs.StreamCall
import io.llmgateway.pipeline.AttemptContext
import io.llmgateway.pipeline.ResilientExecutor
import io.llmgateway.stream.StreamAccumulator
import io.llmgateway.stream.StreamChunk
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.TimeSource
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.FlowCollector
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.withTimeoutOrNull
import okhttp3.Response
import okhttp3.sse.EventSource
import okhttp3.sse.EventSourceListener

/** What okhttp-sse reported, handed from its thread to the collector. */
private sealed class SseEvent {
  class Open(val response: Response) : SseEvent()

  class Data(val data: String) : SseEvent()

  class Failure(val error: Throwable?, val response: Response?) : SseEvent()

  object Closed : SseEvent()
}

private class ChannelListener(private val channel: Channel<SseEvent>) : EventSourceListener() {
  override fun onOpen(eventSource: EventSource, response: Response) {
    channel.trySend(SseEvent.Open(response))
  }

  override fun onEvent(eventSource: EventSource, id: String?, type: String?, data: String) {
    channel.trySend(SseEvent.Data(data))
  }

  override fun onFailure(eventSource: EventSource, t: Throwable?, response: Response?) {
    channel.trySend(SseEvent.Failure(t, response))
  }

  override fun onClosed(eventSource: EventSource) {
    channel.trySend(SseEvent.Closed)
  }
}

private class OpenStream(
  val source: EventSource,
  val channel: Channel<SseEvent>,
  val accumulator: StreamAccumulator,
  val first: StreamChunk,
  val budgetMillis: Long,
  val idleMillis: Long,
  val opened: TimeSource.Monotonic.ValueTimeMark,
)

/**
 * A cold flow over a [StreamCall]: each collection opens the stream through the suspending loop
 * (retried only before the first chunk), emits chunks as they come, and cancels the connection when
 * the collector stops, whether it completed, failed or was cancelled. Idle and total timeouts
 * surface as [io.llmgateway.error.StreamInterruptedException] with the partial text.
 */
internal fun StreamCall.asFlow(executor: ResilientExecutor): Flow<StreamChunk> = flow {
  val open = executor.executeSuspending(endpoint(), options()) { ctx -> openAttempt(ctx) }
  try {
    emit(open.first)
    readRest(open)
  } finally {
    open.source.cancel()
  }
}

private suspend fun StreamCall.openAttempt(ctx: AttemptContext): OpenStream {
  val opened = TimeSource.Monotonic.markNow()
  val channel = Channel<SseEvent>(Channel.UNLIMITED)
  val source = start(ctx, ChannelListener(channel))
  val accumulator = newAccumulator()
  try {
    val first = awaitFirstChunk(ctx, channel, accumulator)
    return OpenStream(
      source,
      channel,
      accumulator,
      first,
      ctx.timeout().toMillis(),
      idleTimeout().toMillis(),
      opened,
    )
  } catch (e: Throwable) {
    source.cancel()
    throw e
  }
}

private suspend fun StreamCall.awaitFirstChunk(
  ctx: AttemptContext,
  channel: Channel<SseEvent>,
  accumulator: StreamAccumulator,
): StreamChunk {
  while (true) {
    when (val event = channel.receive()) {
      is SseEvent.Open -> opened(ctx, event.response)
      is SseEvent.Data -> {
        accumulator.accept(event.data)?.let {
          return it
        }
        if (accumulator.sawDone())
          throw accumulator.interrupted("stream ended before any chunk", null)
      }
      is SseEvent.Failure -> throw failure(event.error, event.response)
      SseEvent.Closed -> throw accumulator.interrupted("stream ended before any chunk", null)
    }
  }
}

private suspend fun FlowCollector<StreamChunk>.readRest(open: OpenStream) {
  val acc = open.accumulator
  val idle = open.idleMillis
  while (true) {
    val left = open.budgetMillis - open.opened.elapsedNow().inWholeMilliseconds
    val wait = minOf(left, idle)
    val event =
      if (wait <= 0) null else withTimeoutOrNull(wait.milliseconds) { open.channel.receive() }
    if (event == null) {
      if (acc.isComplete) return // only the server's tail was lost
      val reason = if (left <= idle) "total stream timeout" else "no chunk for $idle ms"
      throw acc.interrupted(reason, null)
    }
    when (event) {
      is SseEvent.Data -> acc.accept(event.data)?.let { emit(it) }
      is SseEvent.Failure -> {
        if (acc.isComplete) return
        throw acc.interrupted("stream cut", event.error)
      }
      SseEvent.Closed -> {
        acc.finish()
        return
      }
      is SseEvent.Open -> {}
    }
  }
}
