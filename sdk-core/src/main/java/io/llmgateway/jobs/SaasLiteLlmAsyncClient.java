package io.llmgateway.jobs;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The job client as futures: the same calls, the same pipeline, the same errors (a future completes
 * exceptionally with the same {@link io.llmgateway.error.LlmGatewayException} the blocking call
 * throws). Calls run on the client's executor, and retry waits occupy its thread; Kotlin code that
 * must not hold a thread while waiting uses {@code sdk-coroutines}.
 */
public final class SaasLiteLlmAsyncClient {
  private static final ExecutorService DEFAULT = Executors.newCachedThreadPool(daemonThreads());

  private final SaasLiteLlmClient client;
  private final Executor executor;

  SaasLiteLlmAsyncClient(SaasLiteLlmClient client, @Nullable Executor executor) {
    this.client = client;
    this.executor = executor != null ? executor : DEFAULT;
  }

  public CompletableFuture<JobCreated> createJob(JobSpec spec) {
    return run(() -> client.createJob(spec));
  }

  public CompletableFuture<Job> getJob(String jobId) {
    return run(() -> client.getJob(jobId));
  }

  public CompletableFuture<MetadataUpdate> updateMetadata(
      String jobId, Map<String, Object> metadata) {
    return run(() -> client.updateMetadata(jobId, metadata));
  }

  public CompletableFuture<LlmCallResult> llmCall(String jobId, LlmCallRequest request) {
    return run(() -> client.llmCall(jobId, request));
  }

  /** Streams a call, handing each chunk to {@code handler} as it arrives. */
  public CompletableFuture<StreamSummary> llmCallStream(
      String jobId, LlmCallRequest request, StreamHandler handler) {
    return run(() -> drain(client.llmCallStream(jobId, request), handler));
  }

  public CompletableFuture<JobCompletion> completeJob(String jobId, JobOutcome outcome) {
    return run(() -> client.completeJob(jobId, outcome));
  }

  public CompletableFuture<SingleCallResult> createAndCall(JobSpec spec, LlmCallRequest request) {
    return run(() -> client.createAndCall(spec, request));
  }

  public CompletableFuture<StreamSummary> createAndCallStream(
      JobSpec spec, LlmCallRequest request, StreamHandler handler) {
    return run(() -> drain(client.createAndCallStream(spec, request), handler));
  }

  public CompletableFuture<JobCostReport> jobCosts(String jobId) {
    return run(() -> client.jobCosts(jobId));
  }

  public CompletableFuture<CreditBalance> creditBalance() {
    return run(client::creditBalance);
  }

  public CompletableFuture<CreditCheck> checkCredits(long creditsNeeded) {
    return run(() -> client.checkCredits(creditsNeeded));
  }

  public CompletableFuture<TeamInfo> team() {
    return run(client::team);
  }

  public CompletableFuture<TeamJobs> teamJobs(int limit, int offset, @Nullable JobStatus status) {
    return run(() -> client.teamJobs(limit, offset, status));
  }

  public CompletableFuture<TeamUsage> teamUsage(String period) {
    return run(() -> client.teamUsage(period));
  }

  public CompletableFuture<CreditTransactions> creditTransactions(int limit) {
    return run(() -> client.creditTransactions(limit));
  }

  public CompletableFuture<ModelGroupResolution> resolveModelGroup(String groupName) {
    return run(() -> client.resolveModelGroup(groupName));
  }

  public CompletableFuture<Health> health() {
    return run(client::health);
  }

  public CompletableFuture<java.util.List<ModelAlias>> models() {
    return run(client::models);
  }

  public CompletableFuture<ModelAlias> model(String alias) {
    return run(() -> client.model(alias));
  }

  /**
   * {@link SaasLiteLlmClient#runJob}, as a future. Cancelling the future interrupts the work, which
   * then stops at its next wait or request; the job is completed as failed, once.
   */
  public <T extends @Nullable Object> CompletableFuture<JobResult<T>> runJob(
      JobSpec spec, JobWork<T> work) {
    return InterruptingFuture.supply(() -> client.runJob(spec, work), executor);
  }

  private static StreamSummary drain(CallStream stream, StreamHandler handler) {
    try (CallStream s = stream) {
      for (io.llmgateway.stream.StreamChunk chunk : s) {
        handler.onChunk(chunk);
      }
      return s.summary();
    }
  }

  private <T> CompletableFuture<T> run(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, executor);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "llmgateway-async-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Receives streamed chunks as they arrive. */
  @FunctionalInterface
  public interface StreamHandler {
    void onChunk(io.llmgateway.stream.StreamChunk chunk);

    /** A handler from a lambda over the chunk's text. */
    static StreamHandler text(Consumer<String> onText) {
      return chunk -> onText.accept(chunk.textDelta());
    }
  }
}
