package io.llmgateway.coroutines

import io.llmgateway.coroutines.internal.chunkFlow
import io.llmgateway.cost.CostLedger
import io.llmgateway.jobs.JobHandle
import io.llmgateway.jobs.JobResult
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.jobs.LlmCallResult
import io.llmgateway.jobs.MetadataUpdate
import io.llmgateway.stream.StreamChunk
import kotlin.coroutines.cancellation.CancellationException
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.future.await
import kotlinx.coroutines.withContext

/**
 * A running job inside [SuspendingJobClient.job]: the job's [JobHandle], suspending. Its calls are
 * recorded in the job's ledger and refused once the job's [io.llmgateway.jobs.JobBudget] is
 * reached, as in the blocking client's `runJob`.
 */
public class SuspendingJobScope internal constructor(private val handle: JobHandle) {
  /** The job's id. */
  public val jobId: String
    get() = handle.jobId()

  /** Tokens and USD per model, counted on this side. */
  public val ledger: CostLedger
    get() = handle.ledger()

  /**
   * `POST /api/jobs/{id}/llm-call`.
   *
   * @throws io.llmgateway.error.BudgetExceededException before sending, when the budget is reached
   */
  public suspend fun llmCall(request: LlmCallRequest): LlmCallResult =
    handle.llmCall(request).await()

  /**
   * A cold stream of one call of this job; its usage (when reported) goes to the ledger. Collecting
   * it fails with [io.llmgateway.error.BudgetExceededException] before sending when the budget is
   * reached.
   */
  public fun llmCallStream(request: LlmCallRequest): Flow<StreamChunk> = chunkFlow {
    handle.llmCallStream(request, it)
  }

  public suspend fun updateMetadata(metadata: Map<String, Any>): MetadataUpdate =
    handle.updateMetadata(metadata).await()
}

/**
 * Runs [block] inside a new job and completes the job exactly once: `completed` with the block's
 * value, `failed` with the error's message when the block throws or the coroutine is cancelled
 * (completion then runs in a non-cancellable context, and the original exception is rethrown).
 */
public suspend fun <T> SuspendingJobClient.job(
  type: String,
  metadata: Map<String, Any> = emptyMap(),
  block: suspend SuspendingJobScope.() -> T,
): JobResult<T> = job(JobSpec.of(type).withMetadata(metadata), block)

/**
 * Runs [block] inside the job [spec] describes, with its budget if it has one, and completes the
 * job exactly once (see the other `job`): the blocking `runJob`'s job life, with the client's
 * prices (alias prices included) and the job's `/costs` read after completing.
 */
public suspend fun <T> SuspendingJobClient.job(
  spec: JobSpec,
  block: suspend SuspendingJobScope.() -> T,
): JobResult<T> {
  val handle = async.startJob(spec).await()
  val value =
    try {
      SuspendingJobScope(handle).block()
    } catch (failure: Throwable) {
      withContext(NonCancellable) {
        try {
          handle.fail(failure).await()
        } catch (completeFailure: Throwable) {
          failure.addSuppressed(completeFailure)
        }
      }
      throw failure
    }
  val finishing = handle.finish(value)
  try {
    return finishing.await()
  } catch (e: CancellationException) {
    // Cancelled while complete waits to be sent again: the job is completed as failed, once;
    // wait for that before the cancellation goes on.
    withContext(NonCancellable) { handle.settled().await() }
    throw e
  }
}
