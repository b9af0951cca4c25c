package io.llmgateway.ratelimit.redis;

import io.llmgateway.ratelimit.RateLimitState;
import io.llmgateway.ratelimit.RateWindow;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link RateLimitState} as a short, canonical text ({@code v2 60 59 1774009800 0 0 150000
 * 149000 1774009800 0 0}: per window limit, remaining, reset seconds and nanoseconds ("- -" for a
 * window that has not started), carry), readable with {@code redis-cli GET}. The scripts in {@code
 * apply.lua} read and write exactly this form, so equal states are equal strings. Reads the older
 * {@code v1} form (no carry) too.
 */
final class StateCodec {
  private StateCodec() {}

  static String encode(RateLimitState state) {
    StringBuilder b = new StringBuilder(96).append("v2");
    window(b, state.requests());
    window(b, state.tokens());
    return b.toString();
  }

  private static void window(StringBuilder b, RateWindow w) {
    b.append(' ').append(w.limit()).append(' ').append(w.remaining());
    Instant reset = w.resetAt();
    if (reset == null) {
      b.append(" - -");
    } else {
      b.append(' ').append(reset.getEpochSecond()).append(' ').append(reset.getNano());
    }
    b.append(' ').append(w.carry());
  }

  /** The state in {@code text}, or null when it is not a state this codec wrote. */
  static @Nullable RateLimitState decode(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(" ", -1);
    try {
      if (parts.length == 11 && parts[0].equals("v2")) {
        return new RateLimitState(window(parts, 1, true), window(parts, 6, true));
      }
      if (parts.length == 9 && parts[0].equals("v1")) {
        return new RateLimitState(window(parts, 1, false), window(parts, 5, false));
      }
    } catch (RuntimeException e) { // NumberFormatException, DateTimeException
      return null;
    }
    return null;
  }

  private static RateWindow window(String[] parts, int at, boolean withCarry) {
    long limit = Long.parseLong(parts[at]);
    long remaining = Long.parseLong(parts[at + 1]);
    Instant reset =
        parts[at + 2].equals("-")
            ? null
            : Instant.ofEpochSecond(Long.parseLong(parts[at + 2]), Long.parseLong(parts[at + 3]));
    long carry = withCarry ? Long.parseLong(parts[at + 4]) : 0;
    return new RateWindow(limit, remaining, reset, carry);
  }
}
