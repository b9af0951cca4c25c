package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One call in a job's cost breakdown ({@code GET /api/jobs/{id}/costs}): provider cost without
 * markup.
 */
public final class CallCost {
  @Json(name = "call_id")
  private String callId = "";

  @Json(name = "model")
  private @Nullable String model;

  @Json(name = "purpose")
  private @Nullable String purpose;

  @Json(name = "prompt_tokens")
  private long promptTokens;

  @Json(name = "completion_tokens")
  private long completionTokens;

  @Json(name = "cost_usd")
  private @Nullable BigDecimal costUsd;

  @Json(name = "created_at")
  private @Nullable Instant createdAt;

  private CallCost() {}

  public String callId() {
    return callId;
  }

  public @Nullable String model() {
    return model;
  }

  public @Nullable String purpose() {
    return purpose;
  }

  public long promptTokens() {
    return promptTokens;
  }

  public long completionTokens() {
    return completionTokens;
  }

  public @Nullable BigDecimal costUsd() {
    return costUsd;
  }

  public @Nullable Instant createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "CallCost{"
        + "callId="
        + callId
        + ", "
        + "model="
        + model
        + ", "
        + "purpose="
        + purpose
        + ", "
        + "promptTokens="
        + promptTokens
        + "}";
  }
}
