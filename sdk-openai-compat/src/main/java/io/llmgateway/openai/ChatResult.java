package io.llmgateway.openai;

import com.openai.models.chat.completions.ChatCompletion;
import io.llmgateway.cost.Cost;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * One chat answer from the facade: the OpenAI SDK's {@link ChatCompletion}, plus what the gateway
 * said about usage, cost and rate limits. Immutable.
 */
public final class ChatResult {
  private final ChatCompletion completion;
  private final String model;
  private final @Nullable TokenUsage usage;
  private final Cost cost;
  private final RateLimitSnapshot rateLimit;
  private final String requestId;

  ChatResult(
      ChatCompletion completion,
      String model,
      @Nullable TokenUsage usage,
      Cost cost,
      RateLimitSnapshot rateLimit,
      String requestId) {
    this.completion = completion;
    this.model = model;
    this.usage = usage;
    this.cost = cost;
    this.rateLimit = rateLimit;
    this.requestId = requestId;
  }

  /** The completion as the OpenAI SDK parsed it. */
  public ChatCompletion completion() {
    return completion;
  }

  /** The first choice's text, or empty. */
  public String text() {
    return completion.choices().isEmpty()
        ? ""
        : completion.choices().get(0).message().content().orElse("");
  }

  /** The gateway model id that answered (after mapping). */
  public String model() {
    return model;
  }

  /** Tokens used, or null when the gateway sent no usage. */
  public @Nullable TokenUsage usage() {
    return usage;
  }

  /** USD cost; {@link Cost#UNKNOWN} for an unpriced model or missing usage, never zero. */
  public Cost cost() {
    return cost;
  }

  /** The response's {@code X-RateLimit-*} headers. */
  public RateLimitSnapshot rateLimit() {
    return rateLimit;
  }

  /** Our client request id, the same across retries. */
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "ChatResult{model=" + model + ", usage=" + usage + ", cost=" + cost + "}";
  }
}
