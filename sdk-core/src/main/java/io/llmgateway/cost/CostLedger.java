package io.llmgateway.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up tokens and USD per model, with the prices of one {@link PriceTable}. Thread-safe. A call
 * whose prompt/completion split is unknown (SaaS LiteLLM's llm-call reports only a total) makes its
 * model's cost unknown, unless input and output cost the same: unknown is never reported as zero.
 */
public final class CostLedger {
  private final PriceTable prices;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  public CostLedger(PriceTable prices) {
    this.prices = prices;
  }

  /** Records a call whose prompt and completion tokens are known. */
  public synchronized void record(String model, TokenUsage usage) {
    Entry e = entries.computeIfAbsent(model, m -> new Entry());
    e.calls++;
    e.usage = e.usage.plus(usage);
    e.cost = e.cost.plus(prices.costOf(model, usage));
  }

  /** Records a call that reported only its total tokens. */
  public synchronized void recordTotal(String model, long totalTokens) {
    Entry e = entries.computeIfAbsent(model, m -> new Entry());
    e.calls++;
    e.usage = e.usage.plus(new TokenUsage(0, 0, totalTokens));
    ModelPrice price = prices.price(model);
    if (price != null && price.inputPerMillion().compareTo(price.outputPerMillion()) == 0) {
      BigDecimal usd =
          price
              .inputPerMillion()
              .multiply(BigDecimal.valueOf(totalTokens))
              .divide(BigDecimal.valueOf(1_000_000));
      e.cost = e.cost.plus(Cost.usd(usd.stripTrailingZeros()));
    } else {
      e.cost = Cost.UNKNOWN;
    }
  }

  /** Per model, in the order first used. */
  public synchronized List<ModelCost> byModel() {
    List<ModelCost> out = new ArrayList<>();
    entries.forEach((model, e) -> out.add(new ModelCost(model, e.calls, e.usage, e.cost)));
    return out;
  }

  public synchronized TokenUsage totalUsage() {
    TokenUsage total = TokenUsage.ZERO;
    for (Entry e : entries.values()) {
      total = total.plus(e.usage);
    }
    return total;
  }

  /** The sum over models; unknown if any model's cost is unknown. */
  public synchronized Cost totalCost() {
    Cost total = Cost.ZERO;
    for (Entry e : entries.values()) {
      total = total.plus(e.cost);
    }
    return total;
  }

  private static final class Entry {
    long calls;
    TokenUsage usage = TokenUsage.ZERO;
    Cost cost = Cost.ZERO;
  }
}
