package io.llmgateway.openai;

import io.llmgateway.cost.Cost;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import org.jspecify.annotations.Nullable;

/** A stream that completed: its whole text, finish reason, usage (if sent) and cost. Immutable. */
public final class StreamResult {
  private final String text;
  private final String model;
  private final int chunks;
  private final String finishReason;
  private final @Nullable TokenUsage usage;
  private final Cost cost;
  private final RateLimitSnapshot rateLimit;

  StreamResult(
      String text,
      String model,
      int chunks,
      String finishReason,
      @Nullable TokenUsage usage,
      Cost cost,
      RateLimitSnapshot rateLimit) {
    this.text = text;
    this.model = model;
    this.chunks = chunks;
    this.finishReason = finishReason;
    this.usage = usage;
    this.cost = cost;
    this.rateLimit = rateLimit;
  }

  public String text() {
    return text;
  }

  /** The gateway model id (after mapping). */
  public String model() {
    return model;
  }

  public int chunks() {
    return chunks;
  }

  /** {@code stop}, {@code length}, ... as the gateway sent it. */
  public String finishReason() {
    return finishReason;
  }

  /** Final usage, or null when the gateway sent no usage chunk. */
  public @Nullable TokenUsage usage() {
    return usage;
  }

  /** Unknown without usage or a price, never zero. */
  public Cost cost() {
    return cost;
  }

  public RateLimitSnapshot rateLimit() {
    return rateLimit;
  }

  @Override
  public String toString() {
    return "StreamResult{model="
        + model
        + ", chunks="
        + chunks
        + ", finish="
        + finishReason
        + ", usage="
        + usage
        + ", cost="
        + cost
        + "}";
  }
}
