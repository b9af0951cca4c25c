package io.llmgateway.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds up tokens and USD per model, with the prices of one {@link PriceTable}. Thread-safe. A call
 * whose prompt/completion split is unknown (SaaS LiteLLM's llm-call reports only a total) makes its
 * model's cost unknown, unless input and output cost the same, until the split is {@linkplain
 * #settle settled}: unknown is never reported as zero.
 */
public final class CostLedger {
  private final PriceTable prices;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Call> unsettled = new LinkedHashMap<>();

  public CostLedger(PriceTable prices) {
    this.prices = prices;
  }

  /** Records a call whose prompt and completion tokens are known. */
  public synchronized void record(String model, TokenUsage usage) {
    calls.add(new Call(model, usage, prices.costOf(model, usage)));
  }

  /** Records a call that reported only its total tokens. */
  public synchronized void recordTotal(String model, long totalTokens) {
    calls.add(totalOnly(model, totalTokens));
  }

  /**
   * Records a call that reported only its total tokens, to be {@linkplain #settle settled} later
   * with its split (for example from the gateway's per-call cost report).
   */
  public synchronized void recordCall(String callId, String model, long totalTokens) {
    Call call = totalOnly(model, totalTokens);
    calls.add(call);
    unsettled.put(callId, call);
  }

  /**
   * Gives an earlier {@link #recordCall} its prompt/completion split, which prices it at input and
   * output rates. Unknown or already settled ids are ignored.
   *
   * @return whether a call was settled
   */
  public synchronized boolean settle(String callId, TokenUsage usage) {
    Call call = unsettled.remove(callId);
    if (call == null) {
      return false;
    }
    call.usage = usage;
    call.cost = prices.costOf(call.model, usage);
    return true;
  }

  /** Ids of calls recorded with {@link #recordCall} and not settled yet. */
  public synchronized Set<String> unsettledCalls() {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(unsettled.keySet()));
  }

  /** Per model, in the order first used. */
  public synchronized List<ModelCost> byModel() {
    Map<String, Call> totals = new LinkedHashMap<>();
    Map<String, Long> counts = new HashMap<>();
    for (Call call : calls) {
      totals.merge(call.model, call.copy(), Call::plus);
      counts.merge(call.model, 1L, Long::sum);
    }
    List<ModelCost> out = new ArrayList<>();
    totals.forEach((model, t) -> out.add(new ModelCost(model, counts.get(model), t.usage, t.cost)));
    return out;
  }

  public synchronized TokenUsage totalUsage() {
    TokenUsage total = TokenUsage.ZERO;
    for (Call call : calls) {
      total = total.plus(call.usage);
    }
    return total;
  }

  /** The sum over models; unknown if any model's cost is unknown. */
  public synchronized Cost totalCost() {
    Cost total = Cost.ZERO;
    for (Call call : calls) {
      total = total.plus(call.cost);
    }
    return total;
  }

  /**
   * The USD of the calls whose cost is known: a lower bound of {@link #totalCost()} while some cost
   * is unknown, equal to it otherwise.
   */
  public synchronized BigDecimal knownCostUsd() {
    BigDecimal total = BigDecimal.ZERO;
    for (Call call : calls) {
      BigDecimal usd = call.cost.usd();
      if (usd != null) {
        total = total.add(usd);
      }
    }
    return total;
  }

  // A total alone prices a call only when input and output cost the same.
  private Call totalOnly(String model, long totalTokens) {
    TokenUsage usage = new TokenUsage(0, 0, totalTokens);
    ModelPrice price = prices.price(model);
    if (price != null && price.inputPerMillion().compareTo(price.outputPerMillion()) == 0) {
      BigDecimal usd =
          price
              .inputPerMillion()
              .multiply(BigDecimal.valueOf(totalTokens))
              .divide(BigDecimal.valueOf(1_000_000));
      return new Call(model, usage, Cost.usd(usd.stripTrailingZeros()));
    }
    return new Call(model, usage, Cost.UNKNOWN);
  }

  private static final class Call {
    final String model;
    TokenUsage usage;
    Cost cost;

    Call(String model, TokenUsage usage, Cost cost) {
      this.model = model;
      this.usage = usage;
      this.cost = cost;
    }

    Call copy() {
      return new Call(model, usage, cost);
    }

    Call plus(Call other) {
      return new Call(model, usage.plus(other.usage), cost.plus(other.cost));
    }
  }
}
