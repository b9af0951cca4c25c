package io.llmgateway.cli.hiveops;

import io.llmgateway.cost.Cost;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.ratelimit.RateLimitSnapshot;

/** One HiveOps chat answer: text, tokens, priced cost and the last rate-limit headers seen. */
public record ChatReply(
    String model, String content, TokenUsage usage, Cost cost, RateLimitSnapshot rateLimit) {}
