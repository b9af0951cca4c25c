package io.llmgateway.testing.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A credit transaction row ({@code credit_transactions}). */
public record TransactionState(
    String transactionId,
    String teamId,
    String organizationId,
    @Nullable String jobId,
    String type,
    long amount,
    long before,
    long after,
    String reason,
    Instant createdAt) {}
