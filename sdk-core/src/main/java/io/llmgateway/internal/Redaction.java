package io.llmgateway.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from any text the SDK shows: messages, {@code toString()}, raw bodies and logs.
 * Gateway keys look like {@code sk-...}; Authorization values follow a scheme word.
 */
public final class Redaction {
  public static final String MASK = "[REDACTED]";

  // 6+ key characters: long enough for any real key, short enough to spare the servers' own
  // "Bearer sk-xxx..." hints, which carry no secret. Matched inside words on purpose: a key glued
  // to the text before it is still a key, so "risk-assessment" reads "risk-[REDACTED]"; a word
  // mangled in an error message is the price of never leaking a key.
  // A key written JSON-escaped (its dash, or any of its characters, as a backslash-u escape) is a
  // key too.
  private static final String KEY_START = "(?:s|\\\\u0073)(?:k|\\\\u006[bB])(?:-|\\\\u002[dD])";
  private static final String KEY_CHAR = "(?:[A-Za-z0-9_\\-]|\\\\u00[0-9a-fA-F]{2})";
  private static final Pattern SK_KEY = Pattern.compile(KEY_START + KEY_CHAR + "{6,}");
  // The start of a key that a length bound cut off (optionally followed by the bound's "..."):
  // too short for SK_KEY, but at the very end of a text it is almost surely a cut key.
  private static final Pattern SK_KEY_CUT = Pattern.compile("sk-[A-Za-z0-9_\\-]{1,5}(\\.{0,3})$");
  private static final Pattern AUTH_VALUE =
      Pattern.compile(
          "(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?)((?:bearer|basic|token)\\s+)?[^\\s\"',}]+");
  private static final Pattern BEARER_TOKEN =
      Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=\\-]{6,}");

  private Redaction() {}

  /** Returns {@code text} with every {@code sk-} key and Authorization value masked. */
  public static String redact(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    if (!mightHoldSecret(text)) {
      return text;
    }
    String out = SK_KEY.matcher(text).replaceAll("sk-" + MASK);
    out = SK_KEY_CUT.matcher(out).replaceAll("sk-" + MASK + "$1");
    out = AUTH_VALUE.matcher(out).replaceAll("$1$2" + MASK);
    return BEARER_TOKEN.matcher(out).replaceAll("$1" + MASK);
  }

  // Cheap pre-check so the common case (no secret) never runs a regex.
  private static boolean mightHoldSecret(String text) {
    return text.contains("sk-")
        || text.contains("\\u")
        || containsIgnoreCase(text, "bearer")
        || containsIgnoreCase(text, "authorization");
  }

  private static boolean containsIgnoreCase(String text, String word) {
    int max = text.length() - word.length();
    for (int i = 0; i <= max; i++) {
      if (text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }
}
