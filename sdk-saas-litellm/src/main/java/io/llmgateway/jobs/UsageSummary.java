package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A team's totals for a period. */
public final class UsageSummary {
  @Json(name = "total_jobs")
  private long totalJobs;

  @Json(name = "successful_jobs")
  private long successfulJobs;

  @Json(name = "failed_jobs")
  private long failedJobs;

  @Json(name = "total_cost_usd")
  private @Nullable BigDecimal totalCostUsd;

  @Json(name = "total_tokens")
  private long totalTokens;

  @Json(name = "avg_cost_per_job")
  private @Nullable BigDecimal avgCostPerJob;

  private UsageSummary() {}

  public long totalJobs() {
    return totalJobs;
  }

  public long successfulJobs() {
    return successfulJobs;
  }

  public long failedJobs() {
    return failedJobs;
  }

  public @Nullable BigDecimal totalCostUsd() {
    return totalCostUsd;
  }

  public long totalTokens() {
    return totalTokens;
  }

  public @Nullable BigDecimal avgCostPerJob() {
    return avgCostPerJob;
  }

  @Override
  public String toString() {
    return "UsageSummary{"
        + "totalJobs="
        + totalJobs
        + ", "
        + "successfulJobs="
        + successfulJobs
        + ", "
        + "failedJobs="
        + failedJobs
        + ", "
        + "totalCostUsd="
        + totalCostUsd
        + "}";
  }
}
