package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import org.jspecify.annotations.Nullable;

/** Refuses a job scope's next call once its {@link JobBudget} is reached. */
final class BudgetGuard {
  private final SaasLiteLlmClient client;
  private final String jobId;
  private final CostLedger ledger;
  private final @Nullable JobBudget budget;

  BudgetGuard(
      SaasLiteLlmClient client, String jobId, CostLedger ledger, @Nullable JobBudget budget) {
    this.client = client;
    this.jobId = jobId;
    this.ledger = ledger;
    this.budget = budget;
  }

  /**
   * Throws when the budget is reached. With a USD limit and llm-calls not yet priced, first reads
   * the job's costs for their prompt/completion split (one GET; only then is their USD known).
   */
  void beforeCall() {
    if (budget == null) {
      return;
    }
    if (budget.needsCallSplit(ledger)) {
      CostSettlement.settle(client, jobId, ledger);
    }
    budget.check(ledger);
  }
}
