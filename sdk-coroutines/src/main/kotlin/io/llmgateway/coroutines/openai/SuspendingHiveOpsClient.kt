package io.llmgateway.coroutines.openai

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.coroutines.internal.chunkFlow
import io.llmgateway.openai.BalanceCheck
import io.llmgateway.openai.ChatResult
import io.llmgateway.openai.HiveOpsAsyncClient
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.stream.StreamChunk
import io.llmgateway.stream.StreamResult
import java.io.Closeable
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.future.await

/**
 * The HiveOps facade with `suspend` calls and `Flow` streams: the futures of [HiveOpsAsyncClient],
 * awaited (model mapping, balance guard, typed errors, cost, rate-limit capture, the same
 * pipeline). No thread is held while a call waits; cancelling the coroutine cancels the HTTP call.
 * Get one with [HiveOpsClient.suspending].
 */
public class SuspendingHiveOpsClient
internal constructor(
  /** The blocking facade this one shares everything with. */
  public val blocking: HiveOpsClient
) : Closeable {
  private val async: HiveOpsAsyncClient = blocking.async()

  /** Closes [blocking], which this client shares everything with: `use { }` works on either. */
  override fun close(): Unit = blocking.close()

  /** One chat completion, retried, throttled and priced. */
  public suspend fun chat(
    params: ChatCompletionCreateParams,
    options: CallOptions = CallOptions.defaults(),
  ): ChatResult = async.chat(params, options).await()

  /**
   * A cold stream of one chat completion's chunks; collect it once per call you want to make.
   * Retried only before the first chunk. A stream that ends without a finish reason, stays idle
   * longer than the idle timeout or outlives the stream timeout raises
   * [io.llmgateway.error.StreamInterruptedException] with the partial text; an error event raises
   * [io.llmgateway.error.StreamErrorEventException].
   */
  public fun stream(
    params: ChatCompletionCreateParams,
    options: CallOptions = CallOptions.defaults(),
  ): Flow<StreamChunk> = chunkFlow { async.stream(params, options, it) }

  /** Streams one chat completion, handing each text delta to [onDelta]; the blocking `stream`. */
  public suspend fun streamResult(
    params: ChatCompletionCreateParams,
    options: CallOptions = CallOptions.defaults(),
    onDelta: suspend (String) -> Unit = {},
  ): StreamResult {
    var result: StreamResult? = null
    chunkFlow({ result = it }) { async.stream(params, options, it) }
      .collect { chunk -> if (chunk.textDelta().isNotEmpty()) onDelta(chunk.textDelta()) }
    return checkNotNull(result) { "a completed stream always has a result" }
  }

  /** The guide's balance probe, cached for the TTL. Never throws for a gateway answer. */
  public suspend fun checkBalance(): BalanceCheck = async.checkBalance().await()

  /** Model ids the gateway accepts, from `/models`, cached for the TTL. */
  public suspend fun models(): List<String> = async.models().await()
}

/**
 * This facade's suspending form: same policies, same metrics, same connection pool. The stream idle
 * timeout is the client's (`HiveOpsClient.builder().streamIdleTimeout(...)`).
 */
public fun HiveOpsClient.suspending(): SuspendingHiveOpsClient = SuspendingHiveOpsClient(this)
