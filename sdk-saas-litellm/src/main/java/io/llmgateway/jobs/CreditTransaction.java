package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One credit movement of a team. */
public final class CreditTransaction {
  @Json(name = "transaction_id")
  private String transactionId = "";

  @Json(name = "team_id")
  private String teamId = "";

  @Json(name = "job_id")
  private @Nullable String jobId;

  @Json(name = "transaction_type")
  private String transactionType = "";

  @Json(name = "credits_amount")
  private long creditsAmount;

  @Json(name = "credits_before")
  private long creditsBefore;

  @Json(name = "credits_after")
  private long creditsAfter;

  @Json(name = "reason")
  private @Nullable String reason;

  @Json(name = "created_at")
  private @Nullable Instant createdAt;

  private CreditTransaction() {}

  public String transactionId() {
    return transactionId;
  }

  public String teamId() {
    return teamId;
  }

  public @Nullable String jobId() {
    return jobId;
  }

  public String transactionType() {
    return transactionType;
  }

  public long creditsAmount() {
    return creditsAmount;
  }

  public long creditsBefore() {
    return creditsBefore;
  }

  public long creditsAfter() {
    return creditsAfter;
  }

  public @Nullable String reason() {
    return reason;
  }

  public @Nullable Instant createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "CreditTransaction{"
        + "transactionId="
        + transactionId
        + ", "
        + "teamId="
        + teamId
        + ", "
        + "jobId="
        + jobId
        + ", "
        + "transactionType="
        + transactionType
        + "}";
  }
}
