package io.llmgateway.openai;

import io.llmgateway.cost.PriceTable;

/**
 * HiveOps prices for sdk-core's {@link PriceTable}. Only the guide's Llama 3 8B price is built in
 * ($0.01 per 1M input, $0.02 per 1M output tokens): the other models' prices are not published, so
 * their cost stays unknown until you add them in code or from a LiteLLM-format price file.
 */
public final class HiveOpsPrices {
  private static final PriceTable DEFAULTS =
      PriceTable.builder().put("llama3:8b-instruct-q8_0", "0.01", "0.02").build();

  private HiveOpsPrices() {}

  /** The published prices only. */
  public static PriceTable defaults() {
    return DEFAULTS;
  }

  /** The published prices with {@code more} on top (e.g. {@code PriceTable.fromLiteLlmJson}). */
  public static PriceTable with(PriceTable more) {
    return DEFAULTS.with(more);
  }

  /** The published prices with a LiteLLM-format price file on top. */
  public static PriceTable withLiteLlmJson(String json) {
    return DEFAULTS.with(PriceTable.fromLiteLlmJson(json));
  }
}
