package io.llmgateway.coroutines.openai

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.coroutines.internal.asFlow
import io.llmgateway.coroutines.internal.await
import io.llmgateway.openai.BalanceCheck
import io.llmgateway.openai.ChatResult
import io.llmgateway.openai.HiveOpsCalls
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.stream.StreamChunk
import io.llmgateway.stream.StreamResult
import kotlinx.coroutines.flow.Flow

/**
 * The HiveOps facade with `suspend` calls and `Flow` streams: the blocking facade's own call
 * objects, awaited (model mapping, balance guard, typed errors, cost, rate-limit capture, the same
 * executor). No thread is held while a call waits; cancelling the coroutine cancels the HTTP call.
 * Get one with [HiveOpsClient.suspending].
 */
public class SuspendingHiveOpsClient
internal constructor(
  /** The blocking facade this one shares everything with. */
  public val blocking: HiveOpsClient
) {
  private val calls: HiveOpsCalls = blocking.calls()

  /** One chat completion, retried, throttled and priced. */
  public suspend fun chat(
    params: ChatCompletionCreateParams,
    options: CallOptions = CallOptions.defaults(),
  ): ChatResult = calls.chat(params, options).await()

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
  ): Flow<StreamChunk> = calls.stream(params, options).asFlow()

  /** Streams one chat completion, handing each text delta to [onDelta]; the blocking `stream`. */
  public suspend fun streamResult(
    params: ChatCompletionCreateParams,
    options: CallOptions = CallOptions.defaults(),
    onDelta: suspend (String) -> Unit = {},
  ): StreamResult {
    var result: StreamResult? = null
    calls
      .stream(params, options)
      .asFlow { result = it }
      .collect { chunk -> if (chunk.textDelta().isNotEmpty()) onDelta(chunk.textDelta()) }
    return checkNotNull(result) { "a completed stream always has a result" }
  }

  /** The guide's balance probe, cached for the TTL. Never throws for a gateway answer. */
  public suspend fun checkBalance(): BalanceCheck = calls.checkBalance().await()

  /** Model ids the gateway accepts, from `/models`, cached for the TTL. */
  public suspend fun models(): List<String> = calls.models().await()
}

/**
 * This facade's suspending form: same policies, same metrics, same connection pool. The stream idle
 * timeout is the client's (`HiveOpsClient.builder().streamIdleTimeout(...)`).
 */
public fun HiveOpsClient.suspending(): SuspendingHiveOpsClient = SuspendingHiveOpsClient(this)
