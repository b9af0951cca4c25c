package io.llmgateway.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the two timestamp formats the SaaS LiteLLM server mixes: naive {@code
 * 2025-11-06T03:35:22.123456} (UTC without a zone) and {@code 2025-11-06T03:35:22Z}, plus any
 * offset form. Null for null or unreadable text.
 */
public final class Timestamps {
  private Timestamps() {}

  public static @Nullable Instant parse(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notNaive) {
        return null;
      }
    }
  }
}
