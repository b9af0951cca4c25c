package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A job's cost summary, as the server computes it when the job completes. */
public final class JobCosts {
  @Json(name = "total_calls")
  private long totalCalls;

  @Json(name = "successful_calls")
  private long successfulCalls;

  @Json(name = "failed_calls")
  private long failedCalls;

  @Json(name = "total_tokens")
  private long totalTokens;

  @Json(name = "total_cost_usd")
  private @Nullable BigDecimal totalCostUsd;

  @Json(name = "avg_latency_ms")
  private long avgLatencyMs;

  @Json(name = "credit_applied")
  private boolean creditApplied;

  @Json(name = "credits_remaining")
  private @Nullable Long creditsRemaining;

  private JobCosts() {}

  public long totalCalls() {
    return totalCalls;
  }

  public long successfulCalls() {
    return successfulCalls;
  }

  public long failedCalls() {
    return failedCalls;
  }

  public long totalTokens() {
    return totalTokens;
  }

  /** USD with the team's markup; only plain llm-call rows count (create-and-call reports 0.0). */
  public @Nullable BigDecimal totalCostUsd() {
    return totalCostUsd;
  }

  public long avgLatencyMs() {
    return avgLatencyMs;
  }

  public boolean creditApplied() {
    return creditApplied;
  }

  public @Nullable Long creditsRemaining() {
    return creditsRemaining;
  }

  @Override
  public String toString() {
    return "JobCosts{"
        + "totalCalls="
        + totalCalls
        + ", "
        + "successfulCalls="
        + successfulCalls
        + ", "
        + "failedCalls="
        + failedCalls
        + ", "
        + "totalTokens="
        + totalTokens
        + "}";
  }
}
