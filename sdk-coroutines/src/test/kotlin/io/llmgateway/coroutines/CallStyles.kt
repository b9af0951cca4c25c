package io.llmgateway.coroutines

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.coroutines.openai.suspending
import io.llmgateway.jobs.JobCompletion
import io.llmgateway.jobs.JobOutcome
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.openai.HiveOpsClient
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.DelicateCoroutinesApi
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.GlobalScope
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking

/**
 * The three ways users call either client: blocking, futures (`async()`), coroutines
 * (`suspending()`). A behaviour is specified once and run through each, as the user would call it.
 */
enum class Style {
  BLOCKING,
  FUTURE,
  SUSPEND;

  override fun toString(): String = name.lowercase()
}

/** What a test does with a client: one user-facing operation. */
sealed class Op<T> {
  class LlmCall(val jobId: String, val request: LlmCallRequest) : Op<String>()

  class LlmCallStream(val jobId: String, val request: LlmCallRequest) : Op<String>()

  class Complete(val jobId: String, val outcome: JobOutcome) : Op<JobCompletion>()

  /** `runJob` / `job {}` around one llm-call. */
  class RunJob(val request: LlmCallRequest) : Op<String>()

  class Chat(val params: ChatCompletionCreateParams) : Op<String>()

  class ChatStream(val params: ChatCompletionCreateParams) : Op<String>()
}

/** An operation running in the background, to be cancelled the style's way. */
class Running<T>(
  private val outcome: CompletableFuture<T>,
  private val cancelHow: () -> Unit,
  /** For [Style.BLOCKING]: whether the thread still had its interrupt flag when the call ended. */
  val interruptFlagKept: CompletableFuture<Boolean>,
) {
  /** Cancels as users do: interrupt the thread, cancel the future, cancel the coroutine. */
  fun cancel() = cancelHow()

  /** The error the operation ended with, waiting at most [seconds]; null when it succeeded. */
  fun failure(seconds: Long = 10): Throwable? =
    try {
      outcome.get(seconds, TimeUnit.SECONDS)
      null
    } catch (e: ExecutionException) {
      e.cause
    } catch (e: java.util.concurrent.CancellationException) {
      e // a future cancelled, or one that failed with a cancellation
    }
}

/** [Style]'s way of running [Op]s on the given clients. */
class Styled(val style: Style, val saas: SaasLiteLlmClient?, val hive: HiveOpsClient?) {
  private fun jobs() = checkNotNull(saas) { "no job client" }

  private fun hiveOps() = checkNotNull(hive) { "no HiveOps client" }

  /** Runs [op] and returns its outcome, or throws what the style throws (unwrapped). */
  fun <T> run(op: Op<T>): T =
    when (style) {
      Style.BLOCKING -> blocking(op)
      Style.FUTURE ->
        try {
          future(op).get(30, TimeUnit.SECONDS)
        } catch (e: ExecutionException) {
          throw e.cause!!
        }
      Style.SUSPEND -> runBlocking { suspending(op) }
    }

  /** Starts [op] in the background. */
  @OptIn(DelicateCoroutinesApi::class)
  fun <T> start(op: Op<T>): Running<T> {
    val flag = CompletableFuture<Boolean>()
    return when (style) {
      Style.BLOCKING -> {
        val out = CompletableFuture<T>()
        val thread = Thread {
          try {
            out.complete(blocking(op))
          } catch (e: Throwable) {
            out.completeExceptionally(e)
          } finally {
            flag.complete(Thread.interrupted())
          }
        }
        thread.start()
        Running(out, { thread.interrupt() }, flag)
      }
      Style.FUTURE -> {
        val f = future(op)
        flag.complete(false)
        Running(f, { f.cancel(true) }, flag)
      }
      Style.SUSPEND -> {
        val deferred = GlobalScope.async(Dispatchers.Default) { suspending(op) }
        val out = CompletableFuture<T>()
        deferred.invokeOnCompletion { e ->
          if (e != null) out.completeExceptionally(e) else out.complete(deferred.getCompleted())
        }
        flag.complete(false)
        Running(out, { deferred.cancel() }, flag)
      }
    }
  }

  @Suppress("UNCHECKED_CAST")
  private fun <T> blocking(op: Op<T>): T =
    when (op) {
      is Op.LlmCall -> jobs().llmCall(op.jobId, op.request).content().orEmpty()
      is Op.LlmCallStream -> jobs().llmCallStream(op.jobId, op.request).use { it.readText() }
      is Op.Complete -> jobs().completeJob(op.jobId, op.outcome)
      is Op.RunJob ->
        jobs().runJob(JobSpec.of("styles")) { it.llmCall(op.request).content().orEmpty() }.value()
      is Op.Chat -> hiveOps().chat(op.params).text()
      is Op.ChatStream -> hiveOps().stream(op.params) {}.text()
    }
      as T

  @Suppress("UNCHECKED_CAST")
  private fun <T> future(op: Op<T>): CompletableFuture<T> =
    when (op) {
      is Op.LlmCall -> jobs().async().llmCall(op.jobId, op.request).then { it.content().orEmpty() }
      is Op.LlmCallStream ->
        jobs().async().llmCallStream(op.jobId, op.request) {}.then { it.text() }
      is Op.Complete -> jobs().async().completeJob(op.jobId, op.outcome)
      is Op.RunJob ->
        jobs()
          .async()
          .runJob(JobSpec.of("styles")) { it.llmCall(op.request).content().orEmpty() }
          .then { it.value() }
      is Op.Chat -> hiveOps().calls().chat(op.params, defaults()).future().then { it.text() }
      is Op.ChatStream ->
        hiveOps().calls().stream(op.params, defaults()).future().then { it.readText() }
    }
      as CompletableFuture<T>

  @Suppress("UNCHECKED_CAST")
  private suspend fun <T> suspending(op: Op<T>): T =
    when (op) {
      is Op.LlmCall -> jobs().suspending().llmCall(op.jobId, op.request).content().orEmpty()
      is Op.LlmCallStream -> jobs().suspending().llmCallStream(op.jobId, op.request).collectText()
      is Op.Complete -> jobs().suspending().completeJob(op.jobId, op.outcome)
      is Op.RunJob ->
        jobs().suspending().job("styles") { llmCall(op.request).content().orEmpty() }.value()
      is Op.Chat -> hiveOps().suspending().chat(op.params).text()
      is Op.ChatStream -> hiveOps().suspending().stream(op.params).collectText()
    }
      as T

  /** thenApply, but cancelling the result cancels this future (and with it the call). */
  private fun <A, B> CompletableFuture<A>.then(fn: (A) -> B): CompletableFuture<B> {
    val source = this
    val out =
      object : CompletableFuture<B>() {
        override fun cancel(mayInterruptIfRunning: Boolean): Boolean {
          source.cancel(mayInterruptIfRunning)
          return super.cancel(mayInterruptIfRunning)
        }
      }
    source.whenComplete { value, error ->
      if (error != null) out.completeExceptionally(error)
      else
        try {
          out.complete(fn(value))
        } catch (e: Throwable) {
          out.completeExceptionally(e)
        }
    }
    return out
  }

  private fun defaults() = io.llmgateway.pipeline.CallOptions.defaults()

  override fun toString(): String = style.toString()
}
