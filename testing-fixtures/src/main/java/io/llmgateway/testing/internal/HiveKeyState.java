package io.llmgateway.testing.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** A HiveOps key: balance, expiry, and its per-key rate window. */
public final class HiveKeyState {
  public final String key;
  public BigDecimal balanceUsd;
  public Instant expiresAt;
  public final RateWindow window;
  public long totalRequests;

  public HiveKeyState(String key, BigDecimal balanceUsd, Instant expiresAt, Duration window) {
    this.key = key;
    this.balanceUsd = balanceUsd;
    this.expiresAt = expiresAt;
    this.window = new RateWindow(window);
  }
}
