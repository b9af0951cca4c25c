package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import io.llmgateway.cost.CostLedger;
import io.llmgateway.cost.TokenUsage;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/jobs/{id}/costs}: provider cost without markup, per call. Not the same figure as
 * {@link JobCosts#totalCostUsd()}.
 */
public final class JobCostReport {
  @Json(name = "job_id")
  private String jobId = "";

  @Json(name = "team_id")
  private @Nullable String teamId;

  @Json(name = "job_type")
  private @Nullable String jobType;

  @Json(name = "status")
  private JobStatus status = JobStatus.of("unknown");

  @Json(name = "costs")
  private @Nullable Costs costs;

  private JobCostReport() {}

  static final class Costs {
    @Json(name = "total_cost_usd")
    @Nullable BigDecimal totalCostUsd;

    @Json(name = "breakdown")
    List<CallCost> breakdown = List.of();
  }

  public String jobId() {
    return jobId;
  }

  public @Nullable String teamId() {
    return teamId;
  }

  public @Nullable String jobType() {
    return jobType;
  }

  public JobStatus status() {
    return status;
  }

  public BigDecimal totalCostUsd() {
    return costs == null || costs.totalCostUsd == null ? BigDecimal.ZERO : costs.totalCostUsd;
  }

  public List<CallCost> breakdown() {
    return costs == null ? List.of() : costs.breakdown;
  }

  /**
   * Gives {@code ledger} the prompt/completion split of each call in this report, so calls it knew
   * only by their total (llm-call answers carry no split) are priced at input and output rates.
   */
  public void settle(CostLedger ledger) {
    for (CallCost call : breakdown()) {
      ledger.settle(call.callId(), TokenUsage.of(call.promptTokens(), call.completionTokens()));
    }
  }

  @Override
  public String toString() {
    return "JobCostReport{jobId="
        + jobId
        + ", total="
        + totalCostUsd()
        + ", calls="
        + breakdown().size()
        + "}";
  }
}
