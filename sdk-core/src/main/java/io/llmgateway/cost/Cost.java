package io.llmgateway.cost;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The USD cost of a call, or the fact that it is unknown (a model without a price). Unknown is
 * never zero: adding an unknown cost to a known one gives unknown.
 */
public final class Cost {
  public static final Cost ZERO = new Cost(BigDecimal.ZERO);
  public static final Cost UNKNOWN = new Cost(null);

  private final @Nullable BigDecimal usd;

  private Cost(@Nullable BigDecimal usd) {
    this.usd = usd;
  }

  public static Cost usd(BigDecimal usd) {
    return new Cost(usd);
  }

  public boolean isKnown() {
    return usd != null;
  }

  /** The amount in USD, or null when unknown. */
  public @Nullable BigDecimal usd() {
    return usd;
  }

  public Cost plus(Cost other) {
    if (usd == null || other.usd == null) {
      return UNKNOWN;
    }
    return new Cost(usd.add(other.usd));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Cost)) {
      return false;
    }
    Cost that = (Cost) o;
    return usd == null ? that.usd == null : that.usd != null && usd.compareTo(that.usd) == 0;
  }

  @Override
  public int hashCode() {
    return usd == null ? 0 : Objects.hashCode(usd.stripTrailingZeros());
  }

  @Override
  public String toString() {
    return usd == null ? "unknown" : "$" + usd.toPlainString();
  }
}
