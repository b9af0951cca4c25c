package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import io.llmgateway.stream.StreamChunk;
import java.util.Map;

/**
 * A running job, handed to {@link JobWork}: calls made through it belong to the job and are
 * recorded in its cost ledger. Completing is the scope's business, not the work's.
 */
public final class JobScope {
  private final SaasLiteLlmClient client;
  private final String jobId;
  private final CostLedger ledger;

  JobScope(SaasLiteLlmClient client, String jobId, CostLedger ledger) {
    this.client = client;
    this.jobId = jobId;
    this.ledger = ledger;
  }

  public String jobId() {
    return jobId;
  }

  /** {@code POST /api/jobs/{id}/llm-call}. */
  public LlmCallResult llmCall(LlmCallRequest request) {
    LlmCallResult result = client.llmCall(jobId, request);
    // Only a total comes back; the job's /costs gives the split that prices it.
    ledger.recordCall(result.callId(), request.model(), result.tokensUsed());
    return result;
  }

  /**
   * Streams a call and returns its summary once complete; {@code onChunk} sees each chunk as it
   * arrives.
   */
  public StreamSummary llmCallStream(
      LlmCallRequest request, java.util.function.Consumer<StreamChunk> onChunk) {
    try (CallStream stream = client.llmCallStream(jobId, request)) {
      for (StreamChunk chunk : stream) {
        onChunk.accept(chunk);
      }
      StreamSummary summary = stream.summary();
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
