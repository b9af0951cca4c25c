package io.llmgateway.openai;

import org.jspecify.annotations.Nullable;

/**
 * The guide's advice on {@code max_tokens}: a default applied when the caller sets none (large
 * defaults are slow and costly), and a cap no request may exceed. Immutable.
 */
public final class MaxTokensGuard {
  private static final MaxTokensGuard DEFAULTS = new MaxTokensGuard(500, 4000);
  private static final MaxTokensGuard OFF = new MaxTokensGuard(0, 0);

  private final long defaultMaxTokens;
  private final long cap;

  private MaxTokensGuard(long defaultMaxTokens, long cap) {
    this.defaultMaxTokens = defaultMaxTokens;
    this.cap = cap;
  }

  /** 500 tokens when unset (the guide's "limit to what you need"), at most 4,000. */
  public static MaxTokensGuard defaults() {
    return DEFAULTS;
  }

  /** Leaves {@code max_tokens} as the caller wrote it. */
  public static MaxTokensGuard off() {
    return OFF;
  }

  /**
   * @param defaultMaxTokens applied when the request sets none; 0 for no default
   * @param cap the most any request may ask for; 0 for no cap
   */
  public static MaxTokensGuard of(long defaultMaxTokens, long cap) {
    if (defaultMaxTokens < 0 || cap < 0) {
      throw new IllegalArgumentException("max_tokens default and cap must not be negative");
    }
    if (cap > 0 && defaultMaxTokens > cap) {
      throw new IllegalArgumentException("the max_tokens default must not exceed the cap");
    }
    return new MaxTokensGuard(defaultMaxTokens, cap);
  }

  /** 0 when there is no default. */
  public long defaultMaxTokens() {
    return defaultMaxTokens;
  }

  /** 0 when there is no cap. */
  public long cap() {
    return cap;
  }

  /** The {@code max_tokens} to send for a request that asked for {@code requested} (null: none). */
  public long apply(@Nullable Long requested) {
    long value = requested != null ? requested : defaultMaxTokens;
    if (cap > 0 && value > cap) {
      value = cap;
    }
    return value;
  }

  @Override
  public String toString() {
    return "MaxTokensGuard{default=" + defaultMaxTokens + ", cap=" + cap + "}";
  }
}
