package io.llmgateway.testing.internal;

import io.llmgateway.testing.SaasMode;
import java.time.Clock;
import java.time.Duration;

/** The settings both personalities read; built by {@code FakeGateway.Builder}. */
public record GatewayOptions(
    SaasMode mode,
    Clock clock,
    boolean llmCallStreamHeadBug,
    Duration saasRateWindow,
    Duration hiveOpsRateWindow,
    int hiveOpsRequestsPerWindow,
    int hiveOpsTokensPerWindow) {

  public boolean documented() {
    return mode == SaasMode.DOCUMENTED;
  }
}
