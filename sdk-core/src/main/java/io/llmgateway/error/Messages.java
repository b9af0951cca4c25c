package io.llmgateway.error;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Builds messages that read like {@code HTTP 429 rate limited (retry after 2s) [hiveops]: ...}. */
final class Messages {
  private Messages() {}

  static String http(int status, String label, ErrorDetails details) {
    return "HTTP " + status + " " + label + suffix(details);
  }

  static String local(String label, ErrorDetails details) {
    return label + suffix(details);
  }

  private static String suffix(ErrorDetails details) {
    StringBuilder out = new StringBuilder();
    Duration retryAfter = details.retryAfter();
    if (retryAfter != null) {
      out.append(" (retry after ").append(format(retryAfter)).append(')');
    }
    out.append(" [").append(details.provider().id()).append(']');
    if (!details.serverMessage().isEmpty()) {
      out.append(": ").append(details.serverMessage());
    }
    return out.toString();
  }

  /** 250ms, 2s, 1.5s, 90s: short and exact enough for a log line. */
  static String format(@Nullable Duration d) {
    if (d == null) {
      return "?";
    }
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms % 1000 == 0) {
      return (ms / 1000) + "s";
    }
    return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}
