package io.llmgateway.testing.hiveops;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the fake HiveOps charges (its billing side, not the client's price table), USD per 1M
 * tokens. Only llama3:8b-instruct-q8_0 is published ($0.01 in, $0.02 out); the other three are
 * INFERRED: mistral and the 70B from the guide's cost multipliers (1x and 100x against the 8B's
 * 10x), gemma (absent from that table) at the 8B's price.
 */
public final class HiveOpsBilling {
  /** A model's price per 1M input and output tokens. */
  public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion, boolean published) {}

  private static final Map<String, Price> PRICES = new LinkedHashMap<>();

  static {
    PRICES.put("mistral-7b-instruct-v0.3", price("0.001", "0.002", false));
    PRICES.put("llama3:8b-instruct-q8_0", price("0.01", "0.02", true));
    PRICES.put("gemma-2-9b-it", price("0.01", "0.02", false));
    PRICES.put("llama-3-70b-instruct", price("1.00", "2.00", false));
  }

  private HiveOpsBilling() {}

  private static Price price(String in, String out, boolean published) {
    return new Price(new BigDecimal(in), new BigDecimal(out), published);
  }

  public static Set<String> models() {
    return PRICES.keySet();
  }

  public static @Nullable Price of(String model) {
    return PRICES.get(model);
  }

  /** The USD cost of one call, exact (no rounding beyond 12 places). */
  public static BigDecimal cost(String model, long promptTokens, long completionTokens) {
    Price price = PRICES.get(model);
    if (price == null) {
      return BigDecimal.ZERO;
    }
    return price
        .inputPerMillion()
        .multiply(BigDecimal.valueOf(promptTokens))
        .add(price.outputPerMillion().multiply(BigDecimal.valueOf(completionTokens)))
        .movePointLeft(6)
        .setScale(12, RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
  }
}
