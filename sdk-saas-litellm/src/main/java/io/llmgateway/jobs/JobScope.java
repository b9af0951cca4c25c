package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.stream.StreamResult;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A running job, handed to {@link JobWork}: calls made through it belong to the job, are recorded
 * in its cost ledger, and are refused once the job's {@link JobBudget} is reached. Completing is
 * the scope's business, not the work's.
 */
public final class JobScope {
  private final SaasLiteLlmClient client;
  private final String jobId;
  private final CostLedger ledger;
  private final BudgetGuard budget;

  JobScope(SaasLiteLlmClient client, String jobId, CostLedger ledger, @Nullable JobBudget budget) {
    this.client = client;
    this.jobId = jobId;
    this.ledger = ledger;
    this.budget = new BudgetGuard(client, jobId, ledger, budget);
  }

  public String jobId() {
    return jobId;
  }

  /**
   * {@code POST /api/jobs/{id}/llm-call}.
   *
   * @throws io.llmgateway.error.BudgetExceededException before sending, when the budget is reached
   */
  public LlmCallResult llmCall(LlmCallRequest request) {
    budget.beforeCall();
    LlmCallResult result = client.llmCall(jobId, request);
    // Only a total comes back; the job's /costs gives the split that prices it.
    ledger.recordCall(result.callId(), request.model(), result.tokensUsed());
    return result;
  }

  /**
   * Streams a call and returns its summary once complete; {@code onChunk} sees each chunk as it
   * arrives.
   *
   * @throws io.llmgateway.error.BudgetExceededException before sending, when the budget is reached
   */
  public StreamResult llmCallStream(
      LlmCallRequest request, java.util.function.Consumer<StreamChunk> onChunk) {
    budget.beforeCall();
    try (ChunkStream stream = client.llmCallStream(jobId, request)) {
      for (StreamChunk chunk : stream) {
        onChunk.accept(chunk);
      }
      StreamResult summary = stream.result();
      if (summary.usage() != null) {
        ledger.record(request.model(), summary.usage());
      } else {
        // No usage and no call id in a stream: its cost stays unknown, never zero.
        ledger.recordTotal(request.model(), 0);
      }
      return summary;
    }
  }

  public MetadataUpdate updateMetadata(Map<String, Object> metadata) {
    return client.updateMetadata(jobId, metadata);
  }

  public CostLedger ledger() {
    return ledger;
  }
}
