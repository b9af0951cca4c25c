package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import io.llmgateway.error.BudgetExceededException;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.Provider;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A local spending limit for one job scope: before each call in {@link SaasLiteLlmClient#runJob},
 * if the job's ledger has reached a limit, the call is refused with {@link
 * io.llmgateway.error.BudgetExceededException} (never retried; the job then completes as failed).
 * Only what is known counts: a call whose cost is unknown (no price for its model, or a stream that
 * reported no usage) adds nothing to the USD figure, so pair a USD limit with prices ({@code
 * priceTable}, {@code loadAliasPrices}) or with a token limit. Immutable.
 */
public final class JobBudget {
  private final @Nullable BigDecimal maxUsd;
  private final @Nullable Long maxTokens;

  private JobBudget(@Nullable BigDecimal maxUsd, @Nullable Long maxTokens) {
    if (maxUsd != null && maxUsd.signum() <= 0) {
      throw new IllegalArgumentException("max USD must be positive, was " + maxUsd);
    }
    if (maxTokens != null && maxTokens <= 0) {
      throw new IllegalArgumentException("max tokens must be positive, was " + maxTokens);
    }
    this.maxUsd = maxUsd;
    this.maxTokens = maxTokens;
  }

  /** At most {@code usd} dollars, e.g. {@code maxUsd("0.50")}. */
  public static JobBudget maxUsd(String usd) {
    return maxUsd(new BigDecimal(usd));
  }

  public static JobBudget maxUsd(BigDecimal usd) {
    return new JobBudget(usd, null);
  }

  /** At most {@code tokens} tokens (prompt and completion). */
  public static JobBudget maxTokens(long tokens) {
    return new JobBudget(null, tokens);
  }

  public JobBudget withMaxUsd(BigDecimal usd) {
    return new JobBudget(usd, maxTokens);
  }

  public JobBudget withMaxTokens(long tokens) {
    return new JobBudget(maxUsd, tokens);
  }

  public @Nullable BigDecimal usdLimit() {
    return maxUsd;
  }

  public @Nullable Long tokenLimit() {
    return maxTokens;
  }

  /**
   * Whether {@code ledger} must first learn the prompt/completion split of its llm-calls (from
   * {@code GET /api/jobs/{id}/costs}, see {@link JobCostReport#settle}) for {@link #check} to know
   * what the job spent: a USD limit is set and some calls are priced only by a total.
   */
  public boolean needsCallSplit(CostLedger ledger) {
    return maxUsd != null && !ledger.unsettledCalls().isEmpty();
  }

  /**
   * Refuses the next call when {@code ledger} has reached a limit. Only what is known counts.
   *
   * @throws BudgetExceededException when the job used its tokens or spent its dollars
   */
  public void check(CostLedger ledger) {
    long tokens = ledger.totalUsage().totalTokens();
    if (maxTokens != null && tokens >= maxTokens) {
      throw exceeded(tokens + " of " + maxTokens + " tokens used");
    }
    if (maxUsd == null) {
      return;
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

  private static BudgetExceededException exceeded(String what) {
    return new BudgetExceededException(
        "job budget reached: " + what + " [saas-litellm]", ErrorDetails.of(Provider.SAAS_LITELLM));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof JobBudget)) {
      return false;
    }
    JobBudget that = (JobBudget) o;
    return (maxUsd == null
            ? that.maxUsd == null
            : that.maxUsd != null && maxUsd.compareTo(that.maxUsd) == 0)
        && Objects.equals(maxTokens, that.maxTokens);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxUsd == null ? null : maxUsd.stripTrailingZeros(), maxTokens);
  }

  @Override
  public String toString() {
    return "JobBudget{"
        + (maxUsd == null ? "" : "$" + maxUsd.toPlainString())
        + (maxUsd != null && maxTokens != null ? ", " : "")
        + (maxTokens == null ? "" : maxTokens + " tokens")
        + "}";
  }
}
