package io.llmgateway.coroutines.openai.internal

import io.llmgateway.coroutines.internal.executeSuspending
import io.llmgateway.openai.HiveOpsCall
import io.llmgateway.pipeline.ResilientExecutor
import kotlinx.coroutines.future.await

/**
 * Runs a [HiveOpsCall] through the suspending loop. Each attempt is the OpenAI SDK's async request;
 * cancelling the coroutine cancels the attempt's future, and with it the HTTP call.
 */
internal suspend fun <T : Any> HiveOpsCall<T>.send(executor: ResilientExecutor): T =
  executor.executeSuspending(endpoint(), options()) { ctx -> send(ctx).await() }
