package io.llmgateway.ratelimit.redis;

import io.llmgateway.ratelimit.RateLimitState;
import io.llmgateway.ratelimit.RateWindow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link RateLimitState} as a short, canonical text ({@code v1 60 59 1774009800 0 150000
 * 149000 1774009800 0}, "-" for a window that has not started) so that equal states have equal
 * bytes: Redis compares bytes when it does the compare-and-set. Readable with {@code redis-cli
 * GET}.
 */
final class StateCodec {
  private static final String VERSION = "v1";

  private StateCodec() {}

  static byte[] encode(RateLimitState state) {
    StringBuilder b = new StringBuilder(80).append(VERSION);
    window(b, state.requests());
    window(b, state.tokens());
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void window(StringBuilder b, RateWindow w) {
    b.append(' ').append(w.limit()).append(' ').append(w.remaining());
    Instant reset = w.resetAt();
    if (reset == null) {
      b.append(" - -");
    } else {
      b.append(' ').append(reset.getEpochSecond()).append(' ').append(reset.getNano());
    }
  }

  /** The state in {@code bytes}, or null when they are not a state this codec wrote. */
  static @Nullable RateLimitState decode(byte[] bytes) {
    String[] parts = new String(bytes, StandardCharsets.US_ASCII).split(" ", -1);
    if (parts.length != 9 || !parts[0].equals(VERSION)) {
      return null;
    }
    try {
      return new RateLimitState(window(parts, 1), window(parts, 5));
    } catch (RuntimeException e) { // NumberFormatException, DateTimeException
      return null;
    }
  }

  private static RateWindow window(String[] parts, int at) {
    long limit = Long.parseLong(parts[at]);
    long remaining = Long.parseLong(parts[at + 1]);
    Instant reset =
        parts[at + 2].equals("-")
            ? null
            : Instant.ofEpochSecond(Long.parseLong(parts[at + 2]), Long.parseLong(parts[at + 3]));
    return new RateWindow(limit, remaining, reset);
  }
}
