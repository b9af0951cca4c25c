package io.llmgateway.coroutines.openai.internal

import io.llmgateway.coroutines.internal.StreamSession
import io.llmgateway.coroutines.internal.StreamSignal
import io.llmgateway.coroutines.internal.streamFlow
import io.llmgateway.openai.HiveOpsStreamCall
import io.llmgateway.openai.StreamResult
import io.llmgateway.pipeline.AttemptContext
import io.llmgateway.pipeline.ResilientExecutor
import io.llmgateway.stream.StreamChunk
import java.time.Duration
import kotlinx.coroutines.flow.Flow

/**
 * A cold flow over a [HiveOpsStreamCall], read by the same loop as the job client's streams
 * ([streamFlow]); [onResult] gets the priced result once the stream completed.
 */
internal fun HiveOpsStreamCall.asFlow(
  executor: ResilientExecutor,
  idle: Duration,
  onResult: (StreamResult) -> Unit,
): Flow<StreamChunk> =
  executor.streamFlow(endpoint(), options(), idle) { ctx -> session(ctx, onResult) }

private fun HiveOpsStreamCall.session(
  ctx: AttemptContext,
  onResult: (StreamResult) -> Unit,
): StreamSession {
  val accumulator = newAccumulator()
  lateinit var attempt: HiveOpsStreamCall.Attempt
  val session =
    StreamSession(
      accumulator,
      cancel = { attempt.cancel() },
      completed = { onResult(attempt.result(accumulator)) },
    )
  attempt = start(ctx, SignalListener(session))
  return session
}

private class SignalListener(private val session: StreamSession) : HiveOpsStreamCall.Listener {
  override fun onData(payload: String) {
    session.signals.trySend(StreamSignal.Data(payload))
  }

  override fun onEnd(failure: Throwable?) {
    session.signals.trySend(
      if (failure == null) StreamSignal.Ended else StreamSignal.Failed(failure)
    )
  }
}
