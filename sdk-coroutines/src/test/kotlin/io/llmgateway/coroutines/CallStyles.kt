package io.llmgateway.coroutines

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.coroutines.openai.suspending
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.jobs.JobCompletion
import io.llmgateway.jobs.JobCreated
import io.llmgateway.jobs.JobOutcome
import io.llmgateway.jobs.JobResult
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.jobs.ModelAlias
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.jobs.TeamDiagnosis
import io.llmgateway.openai.BalanceCheck
import io.llmgateway.openai.HiveOpsClient
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.DelicateCoroutinesApi
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.GlobalScope
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
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

  /** `runJob` / `job {}` around one llm-call, with the job's result (costs, completion). */
  class JobRun(val request: LlmCallRequest, val type: String = "styles") : Op<JobResult<String>>()

  class CreateJob(val spec: JobSpec) : Op<JobCreated>()

  class CreateAndCallStream(val spec: JobSpec, val request: LlmCallRequest) : Op<String>()

  /** The job client's model catalog: `GET /api/models`. */
  object Models : Op<List<ModelAlias>>()

  class Model(val alias: String) : Op<ModelAlias>()

  /** The job client's team diagnosis of [error]. */
  class Diagnose(val error: LlmGatewayException) : Op<TeamDiagnosis>()

  class Chat(val params: ChatCompletionCreateParams) : Op<String>()

  class ChatStream(val params: ChatCompletionCreateParams) : Op<String>()

  /** HiveOps' balance probe (single-flight, cached for the TTL). */
  object CheckBalance : Op<BalanceCheck>()

  /** HiveOps' model ids, from `/models`. */
  object HiveModels : Op<List<String>>()
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

  /**
   * Runs [n] [op]s at once, each style its own way: [n] threads blocked in the call, [n] futures
   * started from one thread, [n] coroutines on the default dispatcher. Returns their outcomes.
   */
  fun <T> runConcurrently(n: Int, op: Op<T>): List<T> =
    when (style) {
      Style.BLOCKING -> {
        val outs = List(n) { CompletableFuture<T>() }
        val threads = outs.map { out ->
          Thread {
            try {
              out.complete(blocking(op))
            } catch (e: Throwable) {
              out.completeExceptionally(e)
            }
          }
        }
        threads.forEach(Thread::start)
        outs.map { it.get(30, TimeUnit.SECONDS) }
      }
      Style.FUTURE -> List(n) { future(op) }.map { it.get(30, TimeUnit.SECONDS) }
      Style.SUSPEND ->
        runBlocking(Dispatchers.Default) { List(n) { async { suspending(op) } }.awaitAll() }
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
      is Op.JobRun ->
        jobs().runJob(JobSpec.of(op.type)) { it.llmCall(op.request).content().orEmpty() }
      is Op.CreateJob -> jobs().createJob(op.spec)
      is Op.CreateAndCallStream ->
        jobs().createAndCallStream(op.spec, op.request).use { it.readText() }
      is Op.Models -> jobs().models()
      is Op.Model -> jobs().model(op.alias)
      is Op.Diagnose -> jobs().diagnose(op.error)
      is Op.Chat -> hiveOps().chat(op.params).text()
      is Op.ChatStream -> hiveOps().stream(op.params) {}.text()
      is Op.CheckBalance -> hiveOps().checkBalance()
      is Op.HiveModels -> hiveOps().models()
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
      is Op.JobRun ->
        jobs().async().runJob(JobSpec.of(op.type)) { it.llmCall(op.request).content().orEmpty() }
      is Op.CreateJob -> jobs().async().createJob(op.spec)
      is Op.CreateAndCallStream ->
        jobs().async().createAndCallStream(op.spec, op.request) {}.then { it.text() }
      is Op.Models -> jobs().async().models()
      is Op.Model -> jobs().async().model(op.alias)
      is Op.Diagnose -> jobs().async().diagnose(op.error)
      is Op.Chat -> hiveOps().async().chat(op.params).then { it.text() }
      is Op.ChatStream -> hiveOps().async().stream(op.params) {}.then { it.text() }
      is Op.CheckBalance -> hiveOps().async().checkBalance()
      is Op.HiveModels -> hiveOps().async().models()
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
      is Op.JobRun -> jobs().suspending().job(op.type) { llmCall(op.request).content().orEmpty() }
      is Op.CreateJob -> jobs().suspending().createJob(op.spec)
      is Op.CreateAndCallStream ->
        jobs().suspending().createAndCallStream(op.spec, op.request).collectText()
      is Op.Models -> jobs().suspending().models()
      is Op.Model -> jobs().suspending().model(op.alias)
      is Op.Diagnose -> jobs().suspending().diagnose(op.error)
      is Op.Chat -> hiveOps().suspending().chat(op.params).text()
      is Op.ChatStream -> hiveOps().suspending().stream(op.params).collectText()
      is Op.CheckBalance -> hiveOps().suspending().checkBalance()
      is Op.HiveModels -> hiveOps().suspending().models()
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

  override fun toString(): String = style.toString()
}
