package io.llmgateway.openai;

import com.openai.models.completions.CompletionUsage;
import io.llmgateway.cost.Cost;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.cost.TokenUsage;
import org.jspecify.annotations.Nullable;

/** What a facade answer costs: unknown without usage or a price, never zero. */
final class Pricing {
  private final PriceTable prices;

  Pricing(PriceTable prices) {
    this.prices = prices;
  }

  Cost costOf(String model, @Nullable TokenUsage usage) {
    return usage == null ? Cost.UNKNOWN : prices.costOf(model, usage);
  }

  static TokenUsage usage(CompletionUsage u) {
    return new TokenUsage(u.promptTokens(), u.completionTokens(), u.totalTokens());
  }
}
