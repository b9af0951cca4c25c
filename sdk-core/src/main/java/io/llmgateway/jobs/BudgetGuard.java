package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import io.llmgateway.error.BudgetExceededException;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.Provider;
import java.math.BigDecimal;
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
    Long maxTokens = budget.tokenLimit();
    long tokens = ledger.totalUsage().totalTokens();
    if (maxTokens != null && tokens >= maxTokens) {
      throw exceeded(tokens + " of " + maxTokens + " tokens used");
    }
    BigDecimal maxUsd = budget.usdLimit();
    if (maxUsd == null) {
      return;
    }
    if (!ledger.unsettledCalls().isEmpty()) {
      CostSettlement.settle(client, jobId, ledger);
    }
    BigDecimal spent = ledger.knownCostUsd();
    if (spent.compareTo(maxUsd) >= 0) {
      throw exceeded(
          "$"
              + spent.stripTrailingZeros().toPlainString()
              + " of $"
              + maxUsd.toPlainString()
              + " spent");
    }
  }

  private BudgetExceededException exceeded(String what) {
    return new BudgetExceededException(
        "job budget reached: " + what + " [saas-litellm]", ErrorDetails.of(Provider.SAAS_LITELLM));
  }
}
