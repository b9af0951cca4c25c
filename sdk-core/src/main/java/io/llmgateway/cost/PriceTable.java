package io.llmgateway.cost;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Prices per model id, immutable. Ids are matched exactly (they are never normalised: {@code
 * llama3:8b-instruct-q8_0} and {@code llama-3-70b-instruct} are different models); a
 * provider-prefixed id such as {@code openai/gpt-4o} also matches its bare form.
 */
public final class PriceTable {
  public static final PriceTable EMPTY = new PriceTable(Map.of());

  private final Map<String, ModelPrice> prices;

  private PriceTable(Map<String, ModelPrice> prices) {
    this.prices = prices;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a price file in LiteLLM's format ({@code model_prices_and_context_window.json}): an
   * object of model ids to objects with {@code input_cost_per_token} and {@code
   * output_cost_per_token} in USD. Entries without both prices are skipped.
   *
   * @throws IllegalArgumentException when the text is not such an object
   */
  public static PriceTable fromLiteLlmJson(String json) {
    return LiteLlmPriceFile.parse(json);
  }

  /** The price of {@code model}, or null when the table has none. */
  public @Nullable ModelPrice price(String model) {
    ModelPrice price = prices.get(model);
    if (price == null) {
      int slash = model.lastIndexOf('/');
      if (slash >= 0 && slash < model.length() - 1) {
        price = prices.get(model.substring(slash + 1));
      }
    }
    return price;
  }

  /** The cost of {@code usage} on {@code model}; {@link Cost#UNKNOWN} for an unpriced model. */
  public Cost costOf(String model, TokenUsage usage) {
    ModelPrice price = price(model);
    return price == null ? Cost.UNKNOWN : Cost.usd(price.costOf(usage));
  }

  /** A table with {@code overrides} on top of this one. */
  public PriceTable with(PriceTable overrides) {
    return builder().putAll(this).putAll(overrides).build();
  }

  public Map<String, ModelPrice> asMap() {
    return prices;
  }

  @Override
  public String toString() {
    return "PriceTable" + prices;
  }

  /** Collects prices; later entries replace earlier ones for the same model. */
  public static final class Builder {
    private final Map<String, ModelPrice> prices = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String model, ModelPrice price) {
      if (model.isEmpty()) {
        throw new IllegalArgumentException("model id must not be empty");
      }
      prices.put(model, price);
      return this;
    }

    /** Prices in USD per one million tokens. */
    public Builder put(String model, String inputPerMillionUsd, String outputPerMillionUsd) {
      return put(
          model,
          ModelPrice.perMillion(
              new BigDecimal(inputPerMillionUsd), new BigDecimal(outputPerMillionUsd)));
    }

    public Builder putAll(PriceTable table) {
      prices.putAll(table.prices);
      return this;
    }

    public PriceTable build() {
      return new PriceTable(Collections.unmodifiableMap(new LinkedHashMap<>(prices)));
    }
  }
}
