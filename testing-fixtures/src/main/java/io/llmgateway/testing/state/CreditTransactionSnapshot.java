package io.llmgateway.testing.state;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A credit transaction: a deduction when a job is charged. */
public record CreditTransactionSnapshot(
    String transactionId,
    String teamId,
    @Nullable String jobId,
    String type,
    long amount,
    long creditsBefore,
    long creditsAfter,
    String reason,
    Instant createdAt) {}
