package io.llmgateway.coroutines

import io.llmgateway.coroutines.internal.await
import io.llmgateway.coroutines.internal.awaitSettled
import io.llmgateway.cost.Cost
import io.llmgateway.cost.CostLedger
import io.llmgateway.cost.ModelCost
import io.llmgateway.cost.PriceTable
import io.llmgateway.cost.TokenUsage
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.jobs.JobBudget
import io.llmgateway.jobs.JobCompletion
import io.llmgateway.jobs.JobCostReport
import io.llmgateway.jobs.JobCosts
import io.llmgateway.jobs.JobOutcome
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.jobs.LlmCallResult
import io.llmgateway.jobs.MetadataUpdate
import io.llmgateway.stream.StreamChunk
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.onCompletion
import kotlinx.coroutines.flow.onEach
import kotlinx.coroutines.flow.onStart
import kotlinx.coroutines.withContext

/**
 * A running job inside [SuspendingJobClient.job]: its calls are recorded in the job's ledger and
 * refused once the job's [JobBudget] is reached, as in the blocking client's `runJob`.
 */
public class SuspendingJobScope
internal constructor(
  private val client: SuspendingJobClient,
  /** The job's id. */
  public val jobId: String,
  /** Tokens and USD per model, counted on this side. */
  public val ledger: CostLedger,
  private val budget: JobBudget?,
) {
  /**
   * `POST /api/jobs/{id}/llm-call`.
   *
   * @throws io.llmgateway.error.BudgetExceededException before sending, when the budget is reached
   */
  public suspend fun llmCall(request: LlmCallRequest): LlmCallResult {
    checkBudget()
    val result = client.llmCall(jobId, request)
    // Only a total comes back; the job's /costs gives the split that prices it.
    ledger.recordCall(result.callId(), request.model(), result.tokensUsed())
    return result
  }

  /**
   * A cold stream of one call of this job; its usage (when reported) goes to the ledger. Collecting
   * it fails with [io.llmgateway.error.BudgetExceededException] before sending when the budget is
   * reached.
   */
  public fun llmCallStream(request: LlmCallRequest): Flow<StreamChunk> {
    var usage: TokenUsage? = null
    return client
      .llmCallStream(jobId, request)
      .onStart { checkBudget() }
      .onEach { chunk -> chunk.usage()?.let { usage = it } }
      .onCompletion { failure ->
        if (failure == null)
          usage?.let { ledger.record(request.model(), it) }
            ?: ledger.recordTotal(request.model(), 0)
      }
  }

  public suspend fun updateMetadata(metadata: Map<String, Any>): MetadataUpdate =
    client.updateMetadata(jobId, metadata)

  private suspend fun checkBudget() {
    val budget = budget ?: return
    if (budget.needsCallSplit(ledger)) settle()
    budget.check(ledger)
  }

  /**
   * Reads the job's costs and gives the ledger each call's prompt/completion split. Best effort: a
   * failed read leaves those calls' USD unknown.
   */
  internal suspend fun settle(): JobCostReport? =
    try {
      client.jobCosts(jobId).also { it.settle(ledger) }
    } catch (e: LlmGatewayException) {
      null
    }
}

/**
 * Completes the job; cancelled while complete waits to be sent again, it completes the job as
 * failed instead, once, and waits for that before the cancellation goes on.
 */
private suspend fun SuspendingJobClient.completeOnce(jobId: String): JobCompletion =
  calls.completeJob(jobId, JobOutcome.completed(), JobOutcome.failed("cancelled")).awaitSettled()

/** What a job block returns: the block's value with the job's costs. */
public class CompletedJob<T>
internal constructor(
  /** What the block returned. */
  public val value: T,
  /** The server's answer to complete. */
  public val completion: JobCompletion,
  /** Tokens and USD per model, counted on this side. */
  public val costsByModel: List<ModelCost>,
  public val usage: TokenUsage,
  /** USD on this side; unknown when a price or a prompt/completion split is missing. */
  public val cost: Cost,
  /**
   * The server's `/costs` for the job, read after completing it; null when it could not be read.
   */
  public val costReport: JobCostReport?,
) {
  public val jobId: String
    get() = completion.jobId()

  /** The server's costs, or null when the completion was confirmed by reading the job back. */
  public val serverCosts: JobCosts?
    get() = completion.costs()

  override fun toString(): String =
    "CompletedJob(jobId=$jobId, status=${completion.status()}, cost=$cost)"
}

/**
 * Runs [block] inside a new job and completes the job exactly once: `completed` with the block's
 * value, `failed` with the error's message when the block throws or the coroutine is cancelled
 * (completion then runs in a non-cancellable context, and the original exception is rethrown).
 */
public suspend fun <T> SuspendingJobClient.job(
  type: String,
  metadata: Map<String, Any> = emptyMap(),
  prices: PriceTable = PriceTable.EMPTY,
  block: suspend SuspendingJobScope.() -> T,
): CompletedJob<T> = job(JobSpec.of(type).withMetadata(metadata), prices, block)

/**
 * Runs [block] inside the job [spec] describes, with its [JobBudget] if it has one, and completes
 * the job exactly once (see the other `job`). After completing, reads the job's `/costs` once, as
 * the blocking `runJob` does: it prices every call at input and output rates.
 */
public suspend fun <T> SuspendingJobClient.job(
  spec: JobSpec,
  prices: PriceTable = PriceTable.EMPTY,
  block: suspend SuspendingJobScope.() -> T,
): CompletedJob<T> {
  val created = createJob(spec)
  val ledger = CostLedger(prices)
  val scope = SuspendingJobScope(this, created.jobId(), ledger, spec.budget())
  val value =
    try {
      scope.block()
    } catch (failure: Throwable) {
      val failed = JobOutcome.failed(failure.message ?: failure.javaClass.name)
      withContext(NonCancellable) {
        try {
          calls.completeJob(created.jobId(), failed, failed).await()
        } catch (completeFailure: Throwable) {
          failure.addSuppressed(completeFailure)
        }
      }
      throw failure
    }
  val completion = completeOnce(created.jobId())
  val report = withContext(NonCancellable) { scope.settle() }
  return CompletedJob(
    value,
    completion,
    ledger.byModel(),
    ledger.totalUsage(),
    ledger.totalCost(),
    report,
  )
}
