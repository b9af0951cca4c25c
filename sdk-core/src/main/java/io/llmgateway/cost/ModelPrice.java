package io.llmgateway.cost;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A model's price in USD per one million input and output tokens. Immutable. */
public final class ModelPrice {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final BigDecimal inputPerMillion;
  private final BigDecimal outputPerMillion;

  private ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
      throw new IllegalArgumentException("prices must not be negative");
    }
    this.inputPerMillion = inputPerMillion;
    this.outputPerMillion = outputPerMillion;
  }

  /** Prices in USD per one million tokens, e.g. {@code perMillion("0.01", "0.02")}. */
  public static ModelPrice perMillion(String inputUsd, String outputUsd) {
    return perMillion(new BigDecimal(inputUsd), new BigDecimal(outputUsd));
  }

  public static ModelPrice perMillion(BigDecimal inputUsd, BigDecimal outputUsd) {
    return new ModelPrice(inputUsd, outputUsd);
  }

  /** Prices in USD per single token, as LiteLLM's price file writes them. */
  public static ModelPrice perToken(BigDecimal inputUsd, BigDecimal outputUsd) {
    return new ModelPrice(
        inputUsd.multiply(MILLION).stripTrailingZeros(),
        outputUsd.multiply(MILLION).stripTrailingZeros());
  }

  public BigDecimal inputPerMillion() {
    return inputPerMillion;
  }

  public BigDecimal outputPerMillion() {
    return outputPerMillion;
  }

  /**
   * The exact USD cost of {@code usage}: prompt tokens at the input price, completion at output.
   */
  public BigDecimal costOf(TokenUsage usage) {
    BigDecimal input = inputPerMillion.multiply(BigDecimal.valueOf(usage.promptTokens()));
    BigDecimal output = outputPerMillion.multiply(BigDecimal.valueOf(usage.completionTokens()));
    // Exact, like divide(MILLION), without BigDecimal's general division.
    return input.add(output).movePointLeft(6).stripTrailingZeros();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ModelPrice)) {
      return false;
    }
    ModelPrice that = (ModelPrice) o;
    return inputPerMillion.compareTo(that.inputPerMillion) == 0
        && outputPerMillion.compareTo(that.outputPerMillion) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        inputPerMillion.stripTrailingZeros(), outputPerMillion.stripTrailingZeros());
  }

  @Override
  public String toString() {
    return "$"
        + inputPerMillion.toPlainString()
        + " in / $"
        + outputPerMillion.toPlainString()
        + " out per 1M tokens";
  }
}
