package io.llmgateway.coroutines.openai

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.coroutines.openai.internal.asFlow
import io.llmgateway.coroutines.openai.internal.send
import io.llmgateway.error.InvalidModelException
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.openai.BalanceCheck
import io.llmgateway.openai.ChatResult
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.openai.StreamResult
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.stream.StreamChunk
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds
import kotlin.time.toJavaDuration
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.catch
import kotlinx.coroutines.flow.emitAll
import kotlinx.coroutines.flow.flow

/**
 * The HiveOps facade with `suspend` calls and `Flow` streams. Every call is the blocking facade's
 * (model mapping, balance guard, typed errors, cost, rate-limit capture) and goes through the same
 * executor (throttle, breaker, retries, metrics), but waits with `delay` and never blocks a thread
 * while waiting; cancelling the coroutine cancels the HTTP call. Get one with
 * [HiveOpsClient.suspending].
 */
public class SuspendingHiveOpsClient
internal constructor(
  /** The blocking facade this one shares its connection pool, policies and metrics with. */
  public val blocking: HiveOpsClient,
  private val streamIdleTimeout: java.time.Duration,
) {
  private val calls = blocking.calls()
  private val executor = blocking.executor()

  /** One chat completion, retried, throttled and priced. */
  public suspend fun chat(
    params: ChatCompletionCreateParams,
    options: CallOptions = CallOptions.defaults(),
  ): ChatResult {
    calls.guardBalance()
    val call = calls.chat(params, options)
    return failingAs(call.model()) { call.send(executor) }
  }

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
  ): Flow<StreamChunk> = stream(params, options) {}

  /** Streams one chat completion, handing each text delta to [onDelta]; the blocking `stream`. */
  public suspend fun streamResult(
    params: ChatCompletionCreateParams,
    options: CallOptions = CallOptions.defaults(),
    onDelta: suspend (String) -> Unit = {},
  ): StreamResult {
    var result: StreamResult? = null
    stream(params, options) { result = it }
      .collect { chunk -> if (chunk.textDelta().isNotEmpty()) onDelta(chunk.textDelta()) }
    return checkNotNull(result) { "a completed stream always has a result" }
  }

  /** The guide's balance probe, cached for the TTL. Never throws for a gateway answer. */
  public suspend fun checkBalance(): BalanceCheck {
    calls.cachedBalance()?.let {
      return it
    }
    val probe = calls.balanceProbe()
    val failure =
      try {
        failingAs(probe.model()) { probe.send(executor) }
        null
      } catch (e: LlmGatewayException) {
        e
      }
    return calls.balanceAfter(failure)
  }

  /** Model ids the gateway accepts, from `/models`, cached for the TTL. */
  public suspend fun models(): List<String> = calls.cachedModels() ?: calls.models().send(executor)

  private fun stream(
    params: ChatCompletionCreateParams,
    options: CallOptions,
    onResult: (StreamResult) -> Unit,
  ): Flow<StreamChunk> = flow {
    calls.guardBalance()
    val call = calls.stream(params, options)
    // `catch` sees only the stream's own failures, never the collector's.
    emitAll(
      call.asFlow(executor, streamIdleTimeout, onResult).catch { e ->
        throw if (e is LlmGatewayException) failure(e, call.model()) else e
      }
    )
  }

  private suspend inline fun <T> failingAs(model: String, block: () -> T): T =
    try {
      block()
    } catch (e: LlmGatewayException) {
      throw failure(e, model)
    }

  /** The facade's error: an empty balance is remembered, an invalid model lists the valid ones. */
  private suspend fun failure(e: LlmGatewayException, model: String): RuntimeException {
    val valid =
      if (e !is InvalidModelException) emptyList()
      else
        try {
          models()
        } catch (ignored: LlmGatewayException) {
          emptyList()
        }
    return calls.afterFailure(e, model, valid)
  }
}

/**
 * This facade's suspending form: same policies, same metrics, same connection pool. Streams that
 * send no chunk for [streamIdleTimeout] are interrupted; their total budget is the executor's
 * stream timeout.
 */
public fun HiveOpsClient.suspending(
  streamIdleTimeout: Duration = 30.seconds
): SuspendingHiveOpsClient {
  require(streamIdleTimeout.isPositive()) { "streamIdleTimeout must be positive" }
  return SuspendingHiveOpsClient(this, streamIdleTimeout.toJavaDuration())
}
