package io.llmgateway.coroutines.internal

import io.llmgateway.jobs.JobCall
import io.llmgateway.pipeline.AttemptContext
import io.llmgateway.pipeline.ResilientExecutor
import java.io.IOException
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException
import kotlinx.coroutines.suspendCancellableCoroutine
import okhttp3.Call
import okhttp3.Callback
import okhttp3.Response

/** Runs a [JobCall] through the suspending loop. */
internal suspend fun <T : Any> JobCall<T>.send(executor: ResilientExecutor): T =
  executor.executeSuspending(endpoint(), options()) { ctx -> attempt(ctx) }

/**
 * One attempt without blocking the caller: OkHttp's enqueue; the answer is read and parsed on
 * OkHttp's thread; cancelling the coroutine cancels the HTTP call.
 */
internal suspend fun <T : Any> JobCall<T>.attempt(ctx: AttemptContext): T =
  suspendCancellableCoroutine { cont ->
    val call = newCall(ctx)
    cont.invokeOnCancellation { call.cancel() }
    call.enqueue(
      object : Callback {
        override fun onFailure(call: Call, e: IOException) {
          cont.resumeWithException(failure(e))
        }

        override fun onResponse(call: Call, response: Response) {
          val value = runCatching { handle(response, ctx) }
          value.fold({ cont.resume(it) }, { cont.resumeWithException(it) })
        }
      }
    )
  }
