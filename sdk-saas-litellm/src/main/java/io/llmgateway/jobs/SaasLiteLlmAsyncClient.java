package io.llmgateway.jobs;

import io.llmgateway.internal.call.StreamingCall;
import io.llmgateway.stream.StreamHandler;
import io.llmgateway.stream.StreamResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The job client as futures: the same calls, the same pipeline, the same errors (a future completes
 * exceptionally with the same {@link io.llmgateway.error.LlmGatewayException} the blocking call
 * throws). Calls hold no thread while they wait for an answer or a retry. Cancelling a future
 * cancels its call: the HTTP exchange stops at once and no further attempt is made.
 */
public final class SaasLiteLlmAsyncClient {
  private static final ExecutorService DEFAULT = Executors.newCachedThreadPool(daemonThreads());

  private final SaasLiteLlmClient client;
  private final JobCalls calls;
  private final Executor executor;

  SaasLiteLlmAsyncClient(SaasLiteLlmClient client, @Nullable Executor executor) {
    this.client = client;
    this.calls = client.calls();
    this.executor = executor != null ? executor : DEFAULT;
  }

  public CompletableFuture<JobCreated> createJob(JobSpec spec) {
    return calls.createJob(spec).future();
  }

  public CompletableFuture<Job> getJob(String jobId) {
    return calls.getJob(jobId).future();
  }

  public CompletableFuture<MetadataUpdate> updateMetadata(
      String jobId, Map<String, Object> metadata) {
    return calls.updateMetadata(jobId, metadata).future();
  }

  public CompletableFuture<LlmCallResult> llmCall(String jobId, LlmCallRequest request) {
    return calls.llmCall(jobId, request).future();
  }

  /** Streams a call, handing each chunk to {@code handler} as it arrives (on a reading thread). */
  public CompletableFuture<StreamResult> llmCallStream(
      String jobId, LlmCallRequest request, StreamHandler handler) {
    return stream(calls.llmCallStream(jobId, request), handler);
  }

  public CompletableFuture<JobCompletion> completeJob(String jobId, JobOutcome outcome) {
    return calls.completeJob(jobId, outcome).future();
  }

  public CompletableFuture<SingleCallResult> createAndCall(JobSpec spec, LlmCallRequest request) {
    return calls.createAndCall(spec, request).future();
  }

  public CompletableFuture<StreamResult> createAndCallStream(
      JobSpec spec, LlmCallRequest request, StreamHandler handler) {
    return stream(calls.createAndCallStream(spec, request), handler);
  }

  public CompletableFuture<JobCostReport> jobCosts(String jobId) {
    return calls.jobCosts(jobId).future();
  }

  public CompletableFuture<CreditBalance> creditBalance() {
    return calls.creditBalance().future();
  }

  public CompletableFuture<CreditCheck> checkCredits(long creditsNeeded) {
    return calls.checkCredits(creditsNeeded).future();
  }

  public CompletableFuture<TeamInfo> team() {
    return calls.team().future();
  }

  public CompletableFuture<TeamJobs> teamJobs(int limit, int offset, @Nullable JobStatus status) {
    return calls.teamJobs(limit, offset, status).future();
  }

  public CompletableFuture<TeamUsage> teamUsage(String period) {
    return calls.teamUsage(period).future();
  }

  public CompletableFuture<CreditTransactions> creditTransactions(int limit) {
    return calls.creditTransactions(limit).future();
  }

  public CompletableFuture<ModelGroupResolution> resolveModelGroup(String groupName) {
    return calls.resolveModelGroup(groupName).future();
  }

  public CompletableFuture<Health> health() {
    return calls.health().future();
  }

  public CompletableFuture<java.util.List<ModelAlias>> models() {
    return calls.models().future();
  }

  public CompletableFuture<ModelAlias> model(String alias) {
    return calls.model(alias).future();
  }

  /** {@link SaasLiteLlmClient#diagnose}, as a future. */
  public CompletableFuture<TeamDiagnosis> diagnose(io.llmgateway.error.LlmGatewayException error) {
    TeamDiagnosis attached = TeamDiagnosis.attachedTo(error);
    return attached != null
        ? CompletableFuture.completedFuture(attached)
        : client.diagnosisCall(error).future();
  }

  /**
   * Creates a job and hands it over as a {@link JobHandle}: the same job life as {@link
   * SaasLiteLlmClient#runJob} (budget, ledger with the client's prices, exactly one completion) for
   * code that composes futures. End it with the handle's {@code finish} or {@code fail}.
   */
  public CompletableFuture<JobHandle> startJob(JobSpec spec) {
    return client.startJob(spec).future().thenApply(JobHandle::new);
  }

  /**
   * {@link SaasLiteLlmClient#runJob}, as a future: the work is the caller's blocking code, so it
   * runs on the client's executor. Cancelling the future interrupts the work, which then stops at
   * its next wait or request; the job is completed as failed, once.
   */
  public <T extends @Nullable Object> CompletableFuture<JobResult<T>> runJob(
      JobSpec spec, JobWork<T> work) {
    return InterruptingFuture.supply(() -> client.runJob(spec, work), executor);
  }

  private static CompletableFuture<StreamResult> stream(StreamingCall call, StreamHandler handler) {
    return call.streamed(handler::onChunk);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "llmgateway-async-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
