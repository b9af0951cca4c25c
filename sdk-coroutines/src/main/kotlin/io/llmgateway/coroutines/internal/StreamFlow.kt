package io.llmgateway.coroutines.internal

import io.llmgateway.jobs.StreamCall
import io.llmgateway.pipeline.AttemptContext
import io.llmgateway.pipeline.ResilientExecutor
import io.llmgateway.stream.StreamChunk
import kotlinx.coroutines.flow.Flow
import okhttp3.Response
import okhttp3.sse.EventSource
import okhttp3.sse.EventSourceListener

/** A cold flow over a job client [StreamCall] (see [streamFlow]). */
internal fun StreamCall.asFlow(executor: ResilientExecutor): Flow<StreamChunk> =
  executor.streamFlow(endpoint(), options(), idleTimeout()) { ctx -> session(ctx) }

private fun StreamCall.session(ctx: AttemptContext): StreamSession {
  lateinit var source: EventSource
  val session = StreamSession(newAccumulator(), cancel = { source.cancel() })
  source = start(ctx, SseListener(this, ctx, session))
  return session
}

/** okhttp-sse's events as signals, classified on its thread while the response is still open. */
private class SseListener(
  private val call: StreamCall,
  private val ctx: AttemptContext,
  private val session: StreamSession,
) : EventSourceListener() {
  override fun onOpen(eventSource: EventSource, response: Response) {
    call.opened(ctx, response)
  }

  override fun onEvent(eventSource: EventSource, id: String?, type: String?, data: String) {
    session.signals.trySend(StreamSignal.Data(data))
  }

  override fun onFailure(eventSource: EventSource, t: Throwable?, response: Response?) {
    session.signals.trySend(StreamSignal.Failed(call.failure(t, response)))
  }

  override fun onClosed(eventSource: EventSource) {
    session.signals.trySend(StreamSignal.Ended)
  }
}
