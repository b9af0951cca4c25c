package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.JobState;
import io.llmgateway.testing.internal.Store;
import io.llmgateway.testing.internal.TeamState;
import io.llmgateway.testing.internal.TransactionState;

/** Charging a job per the team's budget mode (spec section 7); all-or-nothing. */
final class Credits {
  static final long MIN = 1;

  private Credits() {}

  static long amount(TeamState team, JobCosts costs) {
    switch (team.budgetMode) {
      case "consumption_usd":
        return Math.max(MIN, (long) (costs.totalCostUsd().doubleValue() * team.creditsPerDollar));
      case "consumption_tokens":
        return Math.max(MIN, costs.totalTokens() / team.tokensPerCredit);
      default:
        return MIN;
    }
  }

  /** Deducts if the team can pay; returns whether it did. Never throws for lack of credits. */
  static boolean charge(Store store, TeamState team, JobState job, JobCosts costs) {
    long amount = amount(team, costs);
    long before = team.creditsRemaining();
    if (before < amount) {
      return false;
    }
    team.creditsUsed += amount;
    team.updatedAt = store.now();
    job.chargeCount++;
    String mode =
        "consumption_usd".equals(team.budgetMode) || "consumption_tokens".equals(team.budgetMode)
            ? team.budgetMode
            : "job_based";
    store.transactions.add(
        new TransactionState(
            store.newId(3),
            team.id,
            team.organizationId,
            job.jobId,
            "deduction",
            amount,
            before,
            team.creditsRemaining(),
            "Job " + job.jobType + " completed (" + mode + " mode: " + amount + " credits)",
            store.now()));
    return true;
  }
}
