package io.llmgateway.coroutines.internal

import io.llmgateway.internal.call.StreamingCall
import io.llmgateway.pipeline.GatewayCall
import io.llmgateway.stream.StreamChunk
import io.llmgateway.stream.StreamListener
import io.llmgateway.stream.StreamResult
import kotlin.coroutines.cancellation.CancellationException
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.withContext

/**
 * Sends the call without blocking a thread and suspends until it ends. Cancelling the coroutine
 * cancels the call: its HTTP exchange stops and no further attempt is made.
 */
internal suspend fun <T : Any> GatewayCall<T>.await(): T = suspendCancellableCoroutine { cont ->
  cont.invokeOnCancellation { cancel() }
  enqueue(
    object : GatewayCall.Callback<T> {
      override fun onSuccess(value: T) {
        cont.resume(value)
      }

      override fun onFailure(error: Throwable) {
        cont.resumeWithException(error)
      }
    }
  )
}

/**
 * [await], but a cancellation waits for the call to settle before it goes on: for a call that
 * finishes something when cancelled (completing a job as failed), so that it has happened when the
 * cancelled coroutine ends.
 */
internal suspend fun <T : Any> GatewayCall<T>.awaitSettled(): T {
  val settled = CompletableDeferred<Result<T>>()
  enqueue(
    object : GatewayCall.Callback<T> {
      override fun onSuccess(value: T) {
        settled.complete(Result.success(value))
      }

      override fun onFailure(error: Throwable) {
        settled.complete(Result.failure(error))
      }
    }
  )
  try {
    return settled.await().getOrThrow()
  } catch (e: CancellationException) {
    cancel()
    withContext(NonCancellable) { settled.await() }
    throw e
  }
}

/**
 * A cold flow of the call's chunks: each collection sends a fresh copy of the call; the chunks are
 * pushed from the thread reading the stream; the collector stopping (done, failed, cancelled)
 * cancels the HTTP exchange. [onResult] hears the completed stream's result.
 */
internal fun StreamingCall.asFlow(onResult: (StreamResult) -> Unit = {}): Flow<StreamChunk> =
  callbackFlow {
    val call = copy()
    call.stream(
      object : StreamListener {
        override fun onChunk(chunk: StreamChunk) {
          trySend(chunk)
        }

        override fun onComplete(result: StreamResult) {
          onResult(result)
          close()
        }

        override fun onFailure(error: Throwable) {
          close(error)
        }
      }
    )
    awaitClose { call.cancel() }
  }
  // The reading thread never waits for a slow collector.
  .buffer(Channel.UNLIMITED)
