package io.llmgateway.cost;

/** What one model cost in a ledger: calls, tokens and USD. Immutable. */
public final class ModelCost {
  private final String model;
  private final long calls;
  private final TokenUsage usage;
  private final Cost cost;

  ModelCost(String model, long calls, TokenUsage usage, Cost cost) {
    this.model = model;
    this.calls = calls;
    this.usage = usage;
    this.cost = cost;
  }

  public String model() {
    return model;
  }

  public long calls() {
    return calls;
  }

  /** Tokens; prompt and completion are 0 for calls that reported only a total. */
  public TokenUsage usage() {
    return usage;
  }

  /** USD, or unknown when the model has no price or a call's prompt/completion split is unknown. */
  public Cost cost() {
    return cost;
  }

  @Override
  public String toString() {
    return model + ": " + calls + " calls, " + usage.totalTokens() + " tokens, " + cost;
  }
}
