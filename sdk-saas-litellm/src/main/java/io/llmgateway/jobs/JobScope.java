package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.stream.StreamResult;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A running job, handed to {@link JobWork}: calls made through it belong to the job, are recorded
 * in its cost ledger, and are refused once the job's {@link JobBudget} is reached. Completing is
 * the scope's business, not the work's. Blocking; {@link JobHandle} is the same job as futures.
 */
public final class JobScope {
  private final JobRun run;

  JobScope(JobRun run) {
    this.run = run;
  }

  public String jobId() {
    return run.jobId();
  }

  /**
   * {@code POST /api/jobs/{id}/llm-call}.
   *
   * @throws io.llmgateway.error.BudgetExceededException before sending, when the budget is reached
   */
  public LlmCallResult llmCall(LlmCallRequest request) {
    return run.llmCall(request).execute();
  }

  /**
   * Streams a call and returns its result once complete; {@code onChunk} sees each chunk as it
   * arrives.
   *
   * @throws io.llmgateway.error.BudgetExceededException before sending, when the budget is reached
   */
  public StreamResult llmCallStream(LlmCallRequest request, Consumer<StreamChunk> onChunk) {
    run.beforeStream().execute();
    try (ChunkStream stream = run.stream(request).execute()) {
      for (StreamChunk chunk : stream) {
        onChunk.accept(chunk);
      }
      StreamResult result = stream.result();
      run.streamed(request, result);
      return result;
    }
  }

  public MetadataUpdate updateMetadata(Map<String, Object> metadata) {
    return run.updateMetadata(metadata).execute();
  }

  public CostLedger ledger() {
    return run.ledger();
  }
}
