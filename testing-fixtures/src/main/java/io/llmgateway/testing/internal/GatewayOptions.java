package io.llmgateway.testing.internal;

import io.llmgateway.testing.HiveOpsMode;
import io.llmgateway.testing.Latency;
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
    int hiveOpsTokensPerWindow,
    HiveOpsMode hiveOpsMode,
    Latency saasLatency,
    Latency hiveOpsLatency,
    long latencySeed) {

  public boolean documented() {
    return mode == SaasMode.DOCUMENTED;
  }

  /** Whether the HiveOps personality answers in the OpenAI API's form where the two differ. */
  public boolean openAiForm() {
    return hiveOpsMode == HiveOpsMode.OPENAI;
  }
}
