package io.llmgateway.jobs;

import com.squareup.moshi.Json;
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
