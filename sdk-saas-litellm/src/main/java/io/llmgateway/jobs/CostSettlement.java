package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import io.llmgateway.error.LlmGatewayException;
import org.jspecify.annotations.Nullable;

/**
 * Gives a job's ledger the prompt/completion split of its calls. llm-call answers with a total
 * only; {@code GET /api/jobs/{id}/costs} has the split per call id, so the ledger can price each
 * call at input and output rates.
 */
final class CostSettlement {
  private CostSettlement() {}

  /**
   * Reads the job's costs and settles the ledger's open calls. Best effort: the job's work is done,
   * so a failed read leaves those calls' cost unknown instead of failing the job.
   *
   * @return the cost report, or null when it could not be read
   */
  static @Nullable JobCostReport settle(SaasLiteLlmClient client, String jobId, CostLedger ledger) {
    JobCostReport report;
    try {
      report = client.jobCosts(jobId);
    } catch (LlmGatewayException e) {
      return null;
    }
    report.settle(ledger);
    return report;
  }
}
