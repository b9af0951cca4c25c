package io.llmgateway.error;

import io.llmgateway.internal.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * Server text made safe to keep on an error: secrets are masked first and the text is cut after, so
 * a cut can never leave the start of a key behind, too short for the key pattern to recognise.
 */
final class SafeText {
  /** Longest server message kept, in characters; bodies are free to be longer. */
  static final int MESSAGE_LIMIT = 500;

  /** Longest short value kept ({@code type}, {@code code}, {@code param}, a location, an input). */
  static final int VALUE_LIMIT = 200;

  private SafeText() {}

  /** A message: redacted, then cut to {@link #MESSAGE_LIMIT} with "..." when longer. */
  static String message(String text) {
    return keep(text, MESSAGE_LIMIT);
  }

  /** A short value: redacted, then cut to {@link #VALUE_LIMIT} with "..."; null stays null. */
  static @Nullable String value(@Nullable String text) {
    return text == null ? null : keep(text, VALUE_LIMIT);
  }

  /** Redacted, then cut to {@code limit} characters with "..." when longer. */
  static String keep(String text, int limit) {
    String safe = Redaction.redact(text);
    return safe.length() <= limit ? safe : safe.substring(0, limit) + "...";
  }
}
