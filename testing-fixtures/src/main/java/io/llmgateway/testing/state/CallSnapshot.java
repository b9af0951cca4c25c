package io.llmgateway.testing.state;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One LLM call the gateway recorded for a job. {@code costUsd} is the provider cost (legacy field);
 * {@code clientCostUsd} is null on paths where the real server never sets it.
 */
public record CallSnapshot(
    String callId,
    String jobId,
    String model,
    @Nullable String purpose,
    long promptTokens,
    long completionTokens,
    long totalTokens,
    @Nullable Long latencyMs,
    BigDecimal costUsd,
    @Nullable BigDecimal clientCostUsd,
    @Nullable String error,
    boolean streamed,
    Instant createdAt) {}
