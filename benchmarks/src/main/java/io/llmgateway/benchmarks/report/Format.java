package io.llmgateway.benchmarks.report;

import java.util.Locale;

/** Number formatting shared by every section, so units read the same everywhere. */
public final class Format {
  private Format() {}

  public static String f(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  /** Microseconds from nanoseconds, e.g. {@code 71.3 us}. */
  public static String micros(double nanos) {
    return f("%.1f us", nanos / 1_000.0);
  }

  public static String millis(double nanos) {
    return f("%.1f ms", nanos / 1_000_000.0);
  }

  public static String seconds(double nanos) {
    return f("%.2f s", nanos / 1_000_000_000.0);
  }

  /** Bytes with a binary unit, e.g. {@code 11.6 KB}. */
  public static String bytes(double bytes) {
    if (bytes < 0) {
      return "n/a";
    }
    if (bytes < 1024) {
      return f("%.0f B", bytes);
    }
    if (bytes < 1024 * 1024) {
      return f("%.1f KB", bytes / 1024);
    }
    return f("%.2f MB", bytes / (1024.0 * 1024));
  }

  /** A count with thousands separators, e.g. {@code 781,250}. */
  public static String count(double value) {
    return f("%,.0f", value);
  }

  public static String ratio(double ratio) {
    return f("%.2fx", ratio);
  }

  public static String percent(double fraction) {
    return f("%.1f %%", fraction * 100);
  }
}
