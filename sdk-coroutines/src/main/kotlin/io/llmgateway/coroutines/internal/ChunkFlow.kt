package io.llmgateway.coroutines.internal

import io.llmgateway.stream.StreamChunk
import io.llmgateway.stream.StreamHandler
import io.llmgateway.stream.StreamResult
import java.util.concurrent.CompletableFuture
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow

/**
 * A cold flow over an async client's stream: each collection starts it again through [start]; the
 * chunks are pushed from the thread reading the stream; the collector stopping (done, failed,
 * cancelled) cancels the future, which cancels the HTTP exchange. [onResult] hears the result.
 */
internal fun chunkFlow(
  onResult: (StreamResult) -> Unit = {},
  start: (StreamHandler) -> CompletableFuture<StreamResult>,
): Flow<StreamChunk> = callbackFlow {
  val streaming = start { chunk -> trySend(chunk) }
  streaming.whenComplete { result, error ->
    if (error != null) {
      close(error)
    } else {
      onResult(result)
      close()
    }
  }
  awaitClose { streaming.cancel(false) }
}
  // The reading thread never waits for a slow collector.
  .buffer(Channel.UNLIMITED)
