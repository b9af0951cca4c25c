package io.llmgateway.coroutines

import io.llmgateway.coroutines.internal.asFlow
import io.llmgateway.coroutines.internal.send
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
import io.llmgateway.jobs.ModelGroupResolution
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.jobs.SingleCallResult
import io.llmgateway.jobs.TeamInfo
import io.llmgateway.jobs.TeamJobs
import io.llmgateway.jobs.TeamUsage
import io.llmgateway.pipeline.ResilientExecutor
import io.llmgateway.stream.StreamChunk
import kotlinx.coroutines.flow.Flow

/**
 * The SaaS LiteLLM job client with `suspend` calls and `Flow` streams. Every call goes through the
 * same policies as the blocking client (the same executor: throttle, breaker, retries, timeouts,
 * metrics), but waits with `delay` and never blocks a thread while waiting; cancelling the
 * coroutine cancels the HTTP call. Get one with [SaasLiteLlmClient.suspending].
 */
public class SuspendingJobClient
internal constructor(
  /** The blocking client this one shares its connection pool, policies and metrics with. */
  public val blocking: SaasLiteLlmClient,
  internal val executor: ResilientExecutor,
) {
  private val calls = blocking.calls()

  public suspend fun createJob(spec: JobSpec): JobCreated = calls.createJob(spec).send(executor)

  public suspend fun getJob(jobId: String): Job = calls.getJob(jobId).send(executor)

  public suspend fun updateMetadata(jobId: String, metadata: Map<String, Any>): MetadataUpdate =
    calls.updateMetadata(jobId, metadata).send(executor)

  public suspend fun llmCall(jobId: String, request: LlmCallRequest): LlmCallResult =
    calls.llmCall(jobId, request).send(executor)

  /** A cold stream of the call's chunks; collect it once per call you want to make. */
  public fun llmCallStream(jobId: String, request: LlmCallRequest): Flow<StreamChunk> =
    calls.llmCallStream(jobId, request).asFlow(executor)

  /** Completes a job exactly once, as the blocking client does (see [completeJobOnce]). */
  public suspend fun completeJob(jobId: String, outcome: JobOutcome): JobCompletion =
    completeJobOnce(jobId, outcome)

  public suspend fun createAndCall(spec: JobSpec, request: LlmCallRequest): SingleCallResult =
    calls.createAndCall(spec, request).send(executor)

  public fun createAndCallStream(spec: JobSpec, request: LlmCallRequest): Flow<StreamChunk> =
    calls.createAndCallStream(spec, request).asFlow(executor)

  public suspend fun jobCosts(jobId: String): JobCostReport = calls.jobCosts(jobId).send(executor)

  public suspend fun teamJobs(
    limit: Int = 100,
    offset: Int = 0,
    status: JobStatus? = null,
  ): TeamJobs = calls.teamJobs(limit, offset, status).send(executor)

  public suspend fun teamUsage(period: String): TeamUsage = calls.teamUsage(period).send(executor)

  public suspend fun creditBalance(): CreditBalance = calls.creditBalance().send(executor)

  public suspend fun creditTransactions(limit: Int = 50): CreditTransactions =
    calls.creditTransactions(limit).send(executor)

  public suspend fun checkCredits(creditsNeeded: Long = 1): CreditCheck =
    calls.checkCredits(creditsNeeded).send(executor)

  public suspend fun team(): TeamInfo = calls.team().send(executor)

  public suspend fun resolveModelGroup(groupName: String): ModelGroupResolution =
    calls.resolveModelGroup(groupName).send(executor)

  public suspend fun health(): Health = calls.health().send(executor)
}

/** This client's suspending form: same policies, same metrics, same connection pool. */
public fun SaasLiteLlmClient.suspending(): SuspendingJobClient =
  SuspendingJobClient(this, executor())
