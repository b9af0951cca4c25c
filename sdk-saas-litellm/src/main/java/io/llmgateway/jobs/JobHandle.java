package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import io.llmgateway.internal.call.ChainedCall;
import io.llmgateway.internal.call.GatewayCall;
import io.llmgateway.stream.StreamHandler;
import io.llmgateway.stream.StreamResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A running job as futures, from {@link SaasLiteLlmAsyncClient#startJob}: the same job life as
 * {@code runJob} (calls recorded in the ledger and refused past the budget, one completion),
 * without a thread held while it waits. End it with exactly one of {@link #finish} or {@link
 * #fail}. Cancelling a future cancels its call.
 */
public final class JobHandle {
  private final JobRun run;
  private final AtomicReference<CompletableFuture<?>> last =
      new AtomicReference<>(CompletableFuture.completedFuture(null));

  JobHandle(JobRun run) {
    this.run = run;
  }

  public String jobId() {
    return run.jobId();
  }

  /** Tokens and USD per model, counted on this side. */
  public CostLedger ledger() {
    return run.ledger();
  }

  /** {@code POST /api/jobs/{id}/llm-call}; fails with {@code BudgetExceededException} unsent. */
  public CompletableFuture<LlmCallResult> llmCall(LlmCallRequest request) {
    return tracked(run.llmCall(request));
  }

  /** Streams a call of this job, each chunk to {@code handler} as it arrives; then its result. */
  public CompletableFuture<StreamResult> llmCallStream(
      LlmCallRequest request, StreamHandler handler) {
    return tracked(run.streamCall(request, handler::onChunk));
  }

  public CompletableFuture<MetadataUpdate> updateMetadata(Map<String, Object> metadata) {
    return tracked(run.updateMetadata(metadata));
  }

  /**
   * Completes the job as completed and returns {@code value} with its costs. Cancelled while
   * complete waits to be sent again, the job is completed as failed instead, once ({@link
   * #settled()} tells when that is done).
   */
  public <T extends @Nullable Object> CompletableFuture<JobResult<T>> finish(T value) {
    return tracked(run.finish(value));
  }

  /** Completes the job as failed with {@code failure}'s message, once; nothing cancels it. */
  public CompletableFuture<JobCompletion> fail(Throwable failure) {
    return tracked(run.fail(failure));
  }

  /**
   * Completes when the last operation started on this handle has ended, its cancellation included
   * (a cancelled {@link #finish} still completes the job as failed before this completes).
   */
  public CompletableFuture<Void> settled() {
    return last.get().handle((v, e) -> null);
  }

  private <T> CompletableFuture<T> tracked(GatewayCall<T> call) {
    CompletableFuture<T> out = call.future();
    last.set(call instanceof ChainedCall ? ((ChainedCall<?>) call).settled() : out);
    return out;
  }

  @Override
  public String toString() {
    return "JobHandle{" + run.jobId() + "}";
  }
}
