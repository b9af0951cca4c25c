package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.internal.call.ChainedCall;
import io.llmgateway.internal.call.GatewayCall;
import io.llmgateway.internal.call.StreamingCall;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.Sleeper;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.stream.StreamResult;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One job from creation to its one completion, written once for every call style: the blocking
 * {@code runJob} and {@link JobScope}, the futures of {@link JobHandle}, and Kotlin's {@code job
 * {}} all run these calls. Its calls are the job's: recorded in its cost ledger and refused once
 * its {@link JobBudget} is reached. Thread-safe as its ledger is.
 */
final class JobRun {
  private final JobCalls calls;
  private final Sleeper sleeper;
  private final String jobId;
  private final CostLedger ledger;
  private final @Nullable JobBudget budget;

  private JobRun(
      JobCalls calls,
      Sleeper sleeper,
      String jobId,
      CostLedger ledger,
      @Nullable JobBudget budget) {
    this.calls = calls;
    this.sleeper = sleeper;
    this.jobId = jobId;
    this.ledger = ledger;
    this.budget = budget;
  }

  /** Creates the job, then reads the prices its ledger uses (the client's, alias prices too). */
  static ChainedCall<JobRun> start(
      JobCalls calls, Sleeper sleeper, JobSpec spec, GatewayCall<PriceTable> prices) {
    return new ChainedCall<>(
        Endpoint.JOBS_CREATE,
        sleeper,
        chain ->
            chain
                .send(calls.createJob(spec))
                .thenCompose(
                    created ->
                        chain
                            .send(prices)
                            .thenApply(
                                table ->
                                    new JobRun(
                                        calls,
                                        sleeper,
                                        created.jobId(),
                                        new CostLedger(table),
                                        spec.budget()))));
  }

  String jobId() {
    return jobId;
  }

  CostLedger ledger() {
    return ledger;
  }

  /** {@code POST /api/jobs/{id}/llm-call}, refused before sending once the budget is reached. */
  GatewayCall<LlmCallResult> llmCall(LlmCallRequest request) {
    return new ChainedCall<>(
        Endpoint.JOBS_LLM_CALL,
        sleeper,
        chain ->
            withinBudget(chain)
                .thenCompose(ok -> chain.send(calls.llmCall(jobId, request)))
                .thenApply(
                    result -> {
                      // Only a total comes back; the job's /costs gives the split that prices it.
                      ledger.recordCall(result.callId(), request.model(), result.tokensUsed());
                      return result;
                    }));
  }

  /** Refused (before sending) once the budget is reached; send the stream after it. */
  GatewayCall<Boolean> beforeStream() {
    return new ChainedCall<>(
        Endpoint.JOBS_LLM_CALL_STREAM, sleeper, chain -> withinBudget(chain).thenApply(ok -> true));
  }

  /** A streamed call of this job as one call: budget check, stream, ledger. */
  ChainedCall<StreamResult> streamCall(LlmCallRequest request, Consumer<StreamChunk> onChunk) {
    return new ChainedCall<>(
        Endpoint.JOBS_LLM_CALL_STREAM,
        sleeper,
        chain ->
            withinBudget(chain)
                .thenCompose(ok -> chain.stream(stream(request), onChunk))
                .thenApply(
                    result -> {
                      streamed(request, result);
                      return result;
                    }));
  }

  /** The stream of one call of this job; give its result to {@link #streamed} at its end. */
  StreamingCall stream(LlmCallRequest request) {
    return calls.llmCallStream(jobId, request);
  }

  /** Records a completed stream in the ledger: its usage when it sent one, else unknown cost. */
  void streamed(LlmCallRequest request, StreamResult result) {
    if (result.usage() != null) {
      ledger.record(request.model(), result.usage());
    } else {
      ledger.recordTotal(request.model(), 0); // no usage, no call id: unknown, never zero
    }
  }

  GatewayCall<MetadataUpdate> updateMetadata(Map<String, Object> metadata) {
    return calls.updateMetadata(jobId, metadata);
  }

  /**
   * Completes the job as completed (cancelled while complete waits to be sent again: as failed,
   * once), then reads its costs once for the ledger's split (best effort).
   */
  <T extends @Nullable Object> ChainedCall<JobResult<T>> finish(T value) {
    return new ChainedCall<>(
        Endpoint.JOBS_COMPLETE,
        sleeper,
        chain ->
            chain
                .send(
                    calls.completeJob(
                        jobId, JobOutcome.completed(), JobOutcome.failed("cancelled")))
                .thenCompose(
                    completion ->
                        settle(chain)
                            .thenApply(
                                report ->
                                    new JobResult<>(
                                        value,
                                        completion,
                                        report,
                                        ledger.byModel(),
                                        ledger.totalUsage(),
                                        ledger.totalCost()))));
  }

  /** Completes the job as failed with {@code failure}'s message, once, whatever cancels it. */
  GatewayCall<JobCompletion> fail(Throwable failure) {
    JobOutcome failed = JobOutcome.failed(messageOf(failure));
    return calls.completeJob(jobId, failed, failed);
  }

  static String messageOf(Throwable failure) {
    String message = failure.getMessage();
    if (failure instanceof InterruptedException || failure instanceof CancellationException) {
      return "cancelled" + (message == null ? "" : ": " + message);
    }
    return message != null ? message : failure.getClass().getName();
  }

  /** Passes when the budget allows one more call; reads the job's costs first when it must. */
  private CompletableFuture<Void> withinBudget(ChainedCall<?>.Chain chain) {
    JobBudget b = budget;
    if (b == null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<@Nullable JobCostReport> split =
        b.needsCallSplit(ledger) ? settle(chain) : CompletableFuture.completedFuture(null);
    return split.thenRun(() -> b.check(ledger));
  }

  /**
   * Reads the job's costs and gives the ledger each call's prompt/completion split. Best effort: a
   * failed read leaves those calls' USD unknown, never fails the job.
   */
  private CompletableFuture<@Nullable JobCostReport> settle(ChainedCall<?>.Chain chain) {
    return chain
        .send(calls.jobCosts(jobId))
        .handle(
            (report, error) -> {
              if (error != null) {
                return null;
              }
              report.settle(ledger);
              return report;
            });
  }
}
