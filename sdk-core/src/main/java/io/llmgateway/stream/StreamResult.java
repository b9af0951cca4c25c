package io.llmgateway.stream;

import io.llmgateway.cost.Cost;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * A stream that completed, from either gateway: its whole text, chunk count, finish reason, usage
 * (when the gateway reported it), cost, and the rate-limit headers it opened with. Immutable.
 */
public final class StreamResult {
  private final String text;
  private final String model;
  private final int chunks;
  private final @Nullable String finishReason;
  private final @Nullable TokenUsage usage;
  private final Cost cost;
  private final RateLimitSnapshot rateLimit;
  private final String requestId;

  public StreamResult(
      String text,
      String model,
      int chunks,
      @Nullable String finishReason,
      @Nullable TokenUsage usage,
      Cost cost,
      RateLimitSnapshot rateLimit,
      String requestId) {
    this.text = text;
    this.model = model;
    this.chunks = chunks;
    this.finishReason = finishReason;
    this.usage = usage;
    this.cost = cost;
    this.rateLimit = rateLimit;
    this.requestId = requestId;
  }

  public String text() {
    return text;
  }

  /** The model the request named (after mapping, for HiveOps). */
  public String model() {
    return model;
  }

  public int chunks() {
    return chunks;
  }

  /**
   * {@code stop}, {@code length}, ... as the gateway sent it; null when only {@code [DONE]} ended
   * it.
   */
  public @Nullable String finishReason() {
    return finishReason;
  }

  /** Final usage, or null when the gateway sent none (the SaaS server usually does not). */
  public @Nullable TokenUsage usage() {
    return usage;
  }

  /** Unknown without usage or a price, never zero. */
  public Cost cost() {
    return cost;
  }

  /** The {@code X-RateLimit-*} headers the stream opened with; empty when there were none. */
  public RateLimitSnapshot rateLimit() {
    return rateLimit;
  }

  /** The client request id, the same on every attempt. */
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "StreamResult{model="
        + model
        + ", chunks="
        + chunks
        + ", chars="
        + text.length()
        + ", finish="
        + finishReason
        + ", usage="
        + usage
        + ", cost="
        + cost
        + "}";
  }
}
