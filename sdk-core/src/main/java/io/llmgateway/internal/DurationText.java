package io.llmgateway.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Lenient parsing of the time values gateways put in headers: plain seconds, OpenAI-style durations
 * ({@code 6m0s}, {@code 20ms}), ISO-8601 instants and HTTP dates. Never throws.
 */
public final class DurationText {
  /**
   * Longer than any sane server hint; values above it are clamped so arithmetic cannot overflow.
   */
  public static final Duration MAX = Duration.ofDays(365);

  private static final Pattern NUMBER = Pattern.compile("\\d{1,18}(\\.\\d{1,9})?");
  private static final Pattern GO_DURATION =
      Pattern.compile(
          "(?:(\\d{1,9}(?:\\.\\d+)?)h)?(?:(\\d{1,9}(?:\\.\\d+)?)m(?!s))?"
              + "(?:(\\d{1,12}(?:\\.\\d+)?)s)?(?:(\\d{1,15}(?:\\.\\d+)?)ms)?");
  // Values above this are epoch seconds, not a relative number of seconds.
  private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

  private DurationText() {}

  /** A non-negative decimal number of {@code unit}-sized amounts, e.g. "1.5" seconds. */
  public static @Nullable Duration parseNumber(@Nullable String text, Duration unit) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (!NUMBER.matcher(t).matches()) {
      return null;
    }
    return clamp(new BigDecimal(t).multiply(BigDecimal.valueOf(unit.toNanos())));
  }

  /**
   * A reset moment written as an ISO instant, an HTTP date, an OpenAI duration, relative seconds or
   * epoch seconds, resolved against {@code now}.
   */
  public static @Nullable Instant parseMoment(@Nullable String text, Instant now) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    Instant absolute = parseDate(t);
    if (absolute != null) {
      return absolute;
    }
    if (NUMBER.matcher(t).matches()) {
      BigDecimal seconds = new BigDecimal(t);
      if (seconds.compareTo(BigDecimal.valueOf(EPOCH_SECONDS_THRESHOLD)) > 0) {
        return Instant.ofEpochSecond(seconds.longValue());
      }
      return now.plus(clamp(seconds.movePointRight(9)));
    }
    Duration d = parseGoDuration(t);
    return d == null ? null : now.plus(d);
  }

  /** An ISO-8601 instant or offset date-time, or an RFC 1123 HTTP date; null if neither. */
  public static @Nullable Instant parseDate(String t) {
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // not ISO; try the HTTP date form
    }
    try {
      return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }

  /** An OpenAI / Go style duration such as {@code 1h2m3.5s}, {@code 6m0s} or {@code 20ms}. */
  public static @Nullable Duration parseGoDuration(String t) {
    if (t.isEmpty()) {
      return null;
    }
    Matcher m = GO_DURATION.matcher(t);
    if (!m.matches()) {
      return null;
    }
    BigDecimal nanos = BigDecimal.ZERO;
    long[] unitNanos = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L};
    boolean any = false;
    for (int i = 0; i < unitNanos.length; i++) {
      String part = m.group(i + 1);
      if (part != null) {
        any = true;
        nanos = nanos.add(new BigDecimal(part).multiply(BigDecimal.valueOf(unitNanos[i])));
      }
    }
    return any ? clamp(nanos) : null;
  }

  private static Duration clamp(BigDecimal nanos) {
    if (nanos.compareTo(BigDecimal.valueOf(MAX.toNanos())) > 0) {
      return MAX;
    }
    return Duration.ofNanos(nanos.longValue());
  }
}
