package io.llmgateway.cli.console;

import org.jspecify.annotations.Nullable;

/** Keys are shown masked: the {@code sk-} prefix and at most the last four characters. */
public final class Keys {
  private Keys() {}

  public static String mask(@Nullable String key) {
    if (key == null || key.isEmpty()) {
      return "(none)";
    }
    String prefix = key.startsWith("sk-") ? "sk-" : "";
    if (key.length() < 12) {
      return prefix + "...";
    }
    return prefix + "..." + key.substring(key.length() - 4);
  }

  /** Replaces every occurrence of {@code key} in {@code text} by its mask. */
  public static String scrub(String text, @Nullable String key) {
    if (key == null || key.isEmpty()) {
      return text;
    }
    return text.replace(key, mask(key));
  }
}
