package io.llmgateway.testing.saas;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The three timestamp formats: the server's naive {@code isoformat()} (format A), its {@code
 * to_utc_isoformat} (format B), and the docs' {@code 2025-11-06T03:35:22.000Z}.
 */
final class Times {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter MILLIS_Z =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  private Times() {}

  /** Format A: Python's naive isoformat, microseconds only when non-zero. */
  static String naive(Instant instant) {
    LocalDateTime time = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), UTC);
    return time.getNano() == 0 ? SECONDS.format(time) : MICROS.format(time);
  }

  /** Format B: seconds precision with a Z. */
  static String utcSeconds(Instant instant) {
    return SECONDS.format(LocalDateTime.ofInstant(instant, UTC)) + "Z";
  }

  static String documented(Instant instant) {
    return MILLIS_Z.format(LocalDateTime.ofInstant(instant, UTC));
  }

  /** The format an endpoint uses: A or B per the spec in real-server mode, the docs' otherwise. */
  static @Nullable String format(@Nullable Instant instant, boolean documented, boolean formatB) {
    if (instant == null) {
      return null;
    }
    if (documented) {
      return documented(instant);
    }
    return formatB ? utcSeconds(instant) : naive(instant);
  }

  private static final ZoneOffset UTC = ZoneOffset.UTC;
}
