package io.llmgateway.testing.state;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A HiveOps key as it stands: balance, expiry, and use in the current rate window. {@code
 * totalRequests} counts the chat requests the window admitted (listing models does not count).
 */
public record HiveOpsKeySnapshot(
    String key,
    BigDecimal balanceUsd,
    Instant expiresAt,
    long requestsInWindow,
    long tokensInWindow,
    Instant windowResetsAt,
    long totalRequests) {}
