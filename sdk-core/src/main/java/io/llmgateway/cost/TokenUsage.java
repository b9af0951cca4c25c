package io.llmgateway.cost;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Tokens a call used, as the gateway reported them. Immutable. */
public final class TokenUsage {
  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0);

  private final long promptTokens;
  private final long completionTokens;
  private final long totalTokens;

  public TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
    if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
    this.promptTokens = promptTokens;
    this.completionTokens = completionTokens;
    this.totalTokens = totalTokens;
  }

  /** Usage with the total taken as prompt plus completion. */
  public static TokenUsage of(long promptTokens, long completionTokens) {
    return new TokenUsage(promptTokens, completionTokens, promptTokens + completionTokens);
  }

  public long promptTokens() {
    return promptTokens;
  }

  public long completionTokens() {
    return completionTokens;
  }

  public long totalTokens() {
    return totalTokens;
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        promptTokens + other.promptTokens,
        completionTokens + other.completionTokens,
        totalTokens + other.totalTokens);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof TokenUsage)) {
      return false;
    }
    TokenUsage that = (TokenUsage) o;
    return promptTokens == that.promptTokens
        && completionTokens == that.completionTokens
        && totalTokens == that.totalTokens;
  }

  @Override
  public int hashCode() {
    return Objects.hash(promptTokens, completionTokens, totalTokens);
  }

  @Override
  public String toString() {
    return "TokenUsage{prompt="
        + promptTokens
        + ", completion="
        + completionTokens
        + ", total="
        + totalTokens
        + "}";
  }
}
