package io.llmgateway.testing.seed;

import java.math.BigDecimal;
import java.time.Instant;

/** A HiveOps API key with its prepaid USD balance and the instant it expires. */
public record HiveOpsKeySeed(String key, BigDecimal balanceUsd, Instant expiresAt) {}
