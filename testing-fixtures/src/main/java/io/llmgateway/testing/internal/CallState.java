package io.llmgateway.testing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One stored LLM call row (the server's {@code llm_calls}). */
public final class CallState {
  public final String callId;
  public final String jobId;
  public final String modelGroupUsed;
  public final @Nullable String modelUsed;
  public final @Nullable String purpose;
  public final long promptTokens;
  public final long completionTokens;
  public final @Nullable Long latencyMs;
  public final BigDecimal costUsd;
  public final @Nullable BigDecimal clientCostUsd;
  public final @Nullable String error;
  public final boolean streamed;
  public final Instant createdAt;

  public CallState(
      String callId,
      String jobId,
      String modelGroupUsed,
      @Nullable String modelUsed,
      @Nullable String purpose,
      long promptTokens,
      long completionTokens,
      @Nullable Long latencyMs,
      BigDecimal costUsd,
      @Nullable BigDecimal clientCostUsd,
      @Nullable String error,
      boolean streamed,
      Instant createdAt) {
    this.callId = callId;
    this.jobId = jobId;
    this.modelGroupUsed = modelGroupUsed;
    this.modelUsed = modelUsed;
    this.purpose = purpose;
    this.promptTokens = promptTokens;
    this.completionTokens = completionTokens;
    this.latencyMs = latencyMs;
    this.costUsd = costUsd;
    this.clientCostUsd = clientCostUsd;
    this.error = error;
    this.streamed = streamed;
    this.createdAt = createdAt;
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }
}
