package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A team's credits, budget mode and status. */
public final class CreditBalance {
  @Json(name = "team_id")
  private String teamId = "";

  @Json(name = "organization_id")
  private @Nullable String organizationId;

  @Json(name = "credits_allocated")
  private long creditsAllocated;

  @Json(name = "credits_used")
  private long creditsUsed;

  @Json(name = "credits_remaining")
  private long creditsRemaining;

  @Json(name = "credit_limit")
  private @Nullable Long creditLimit;

  @Json(name = "auto_refill")
  private boolean autoRefill;

  @Json(name = "refill_amount")
  private @Nullable Long refillAmount;

  @Json(name = "refill_period")
  private @Nullable String refillPeriod;

  @Json(name = "last_refill_at")
  private @Nullable Instant lastRefillAt;

  @Json(name = "budget_mode")
  private @Nullable String budgetMode;

  @Json(name = "credits_per_dollar")
  private @Nullable BigDecimal creditsPerDollar;

  @Json(name = "tokens_per_credit")
  private @Nullable Long tokensPerCredit;

  @Json(name = "cost_markup_percentage")
  private @Nullable BigDecimal costMarkupPercentage;

  @Json(name = "status")
  private @Nullable String status;

  @Json(name = "created_at")
  private @Nullable Instant createdAt;

  @Json(name = "updated_at")
  private @Nullable Instant updatedAt;

  private CreditBalance() {}

  public String teamId() {
    return teamId;
  }

  public @Nullable String organizationId() {
    return organizationId;
  }

  public long creditsAllocated() {
    return creditsAllocated;
  }

  public long creditsUsed() {
    return creditsUsed;
  }

  public long creditsRemaining() {
    return creditsRemaining;
  }

  public @Nullable Long creditLimit() {
    return creditLimit;
  }

  public boolean autoRefill() {
    return autoRefill;
  }

  public @Nullable Long refillAmount() {
    return refillAmount;
  }

  public @Nullable String refillPeriod() {
    return refillPeriod;
  }

  public @Nullable Instant lastRefillAt() {
    return lastRefillAt;
  }

  /** job_based, consumption_usd or consumption_tokens (open: other values pass through). */
  public @Nullable String budgetMode() {
    return budgetMode;
  }

  public @Nullable BigDecimal creditsPerDollar() {
    return creditsPerDollar;
  }

  public @Nullable Long tokensPerCredit() {
    return tokensPerCredit;
  }

  public @Nullable BigDecimal costMarkupPercentage() {
    return costMarkupPercentage;
  }

  /** active, suspended or paused. */
  public @Nullable String status() {
    return status;
  }

  public @Nullable Instant createdAt() {
    return createdAt;
  }

  public @Nullable Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public String toString() {
    return "CreditBalance{"
        + "teamId="
        + teamId
        + ", "
        + "organizationId="
        + organizationId
        + ", "
        + "creditsAllocated="
        + creditsAllocated
        + ", "
        + "creditsUsed="
        + creditsUsed
        + "}";
  }
}
