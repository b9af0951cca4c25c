package io.llmgateway.coroutines

import io.llmgateway.coroutines.internal.chunkFlow
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.jobs.CreditBalance
import io.llmgateway.jobs.CreditCheck
import io.llmgateway.jobs.CreditTransactions
import io.llmgateway.jobs.Health
import io.llmgateway.jobs.Job
import io.llmgateway.jobs.JobCompletion
import io.llmgateway.jobs.JobCostReport
import io.llmgateway.jobs.JobCreated
import io.llmgateway.jobs.JobOutcome
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.JobStatus
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.jobs.LlmCallResult
import io.llmgateway.jobs.MetadataUpdate
import io.llmgateway.jobs.ModelAlias
import io.llmgateway.jobs.ModelGroupResolution
import io.llmgateway.jobs.SaasLiteLlmAsyncClient
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.jobs.SingleCallResult
import io.llmgateway.jobs.TeamDiagnosis
import io.llmgateway.jobs.TeamInfo
import io.llmgateway.jobs.TeamJobs
import io.llmgateway.jobs.TeamUsage
import io.llmgateway.stream.StreamChunk
import java.io.Closeable
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.future.await

/**
 * The SaaS LiteLLM job client with `suspend` calls and `Flow` streams: the futures of
 * [SaasLiteLlmAsyncClient], awaited. Same calls, policies, metrics and connection pool as the
 * blocking client; no thread is held while a call waits; cancelling the coroutine cancels the HTTP
 * call. Get one with [SaasLiteLlmClient.suspending].
 */
public class SuspendingJobClient
internal constructor(
  /** The blocking client this one shares everything with. */
  public val blocking: SaasLiteLlmClient
) : Closeable {
  internal val async: SaasLiteLlmAsyncClient = blocking.async()

  /** Closes [blocking], which this client shares everything with: `use { }` works on either. */
  override fun close(): Unit = blocking.close()

  public suspend fun createJob(spec: JobSpec): JobCreated = async.createJob(spec).await()

  public suspend fun getJob(jobId: String): Job = async.getJob(jobId).await()

  public suspend fun updateMetadata(jobId: String, metadata: Map<String, Any>): MetadataUpdate =
    async.updateMetadata(jobId, metadata).await()

  public suspend fun llmCall(jobId: String, request: LlmCallRequest): LlmCallResult =
    async.llmCall(jobId, request).await()

  /** A cold stream of the call's chunks; collect it once per call you want to make. */
  public fun llmCallStream(jobId: String, request: LlmCallRequest): Flow<StreamChunk> = chunkFlow {
    async.llmCallStream(jobId, request, it)
  }

  /** Completes a job exactly once, as the blocking client does. */
  public suspend fun completeJob(jobId: String, outcome: JobOutcome): JobCompletion =
    async.completeJob(jobId, outcome).await()

  public suspend fun createAndCall(spec: JobSpec, request: LlmCallRequest): SingleCallResult =
    async.createAndCall(spec, request).await()

  public fun createAndCallStream(spec: JobSpec, request: LlmCallRequest): Flow<StreamChunk> =
    chunkFlow {
      async.createAndCallStream(spec, request, it)
    }

  public suspend fun jobCosts(jobId: String): JobCostReport = async.jobCosts(jobId).await()

  public suspend fun teamJobs(
    limit: Int = 100,
    offset: Int = 0,
    status: JobStatus? = null,
  ): TeamJobs = async.teamJobs(limit, offset, status).await()

  public suspend fun teamUsage(period: String): TeamUsage = async.teamUsage(period).await()

  public suspend fun creditBalance(): CreditBalance = async.creditBalance().await()

  public suspend fun creditTransactions(limit: Int = 50): CreditTransactions =
    async.creditTransactions(limit).await()

  public suspend fun checkCredits(creditsNeeded: Long = 1): CreditCheck =
    async.checkCredits(creditsNeeded).await()

  public suspend fun team(): TeamInfo = async.team().await()

  public suspend fun resolveModelGroup(groupName: String): ModelGroupResolution =
    async.resolveModelGroup(groupName).await()

  public suspend fun models(): List<ModelAlias> = async.models().await()

  public suspend fun model(alias: String): ModelAlias = async.model(alias).await()

  public suspend fun health(): Health = async.health().await()

  /**
   * Explains an error (typically a 403) from the team's record; see [SaasLiteLlmClient.diagnose].
   */
  public suspend fun diagnose(error: LlmGatewayException): TeamDiagnosis =
    async.diagnose(error).await()
}

/** This client's suspending form: same policies, same metrics, same connection pool. */
public fun SaasLiteLlmClient.suspending(): SuspendingJobClient = SuspendingJobClient(this)
