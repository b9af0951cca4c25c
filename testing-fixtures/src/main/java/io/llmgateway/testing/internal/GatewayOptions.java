package io.llmgateway.testing.internal;

import io.llmgateway.testing.fault.Latency;
import java.time.Clock;
import java.time.Duration;

/**
 * The settings both personalities read; built by {@code FakeGateway.Builder}. {@code documented}:
 * the SaaS personality is the guide's, not the real server's; {@code openAiForm}: the HiveOps
 * personality answers in the OpenAI API's form where the two differ.
 */
public record GatewayOptions(
    boolean documented,
    Clock clock,
    boolean llmCallStreamHeadBug,
    Duration saasRateWindow,
    Duration hiveOpsRateWindow,
    int hiveOpsRequestsPerWindow,
    int hiveOpsTokensPerWindow,
    boolean openAiForm,
    Latency saasLatency,
    Latency hiveOpsLatency,
    long latencySeed) {}
