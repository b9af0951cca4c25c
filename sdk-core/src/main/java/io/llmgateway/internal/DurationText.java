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
  // Values above this are epoch seconds, not a relative number of seconds (2001-09-09).
  private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;
  // Above this, epoch milliseconds: as seconds it would be the year 5138, as milliseconds 1973.
  private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;
  // Above this, epoch microseconds (as milliseconds, the year 5138).
  private static final long EPOCH_MICROS_THRESHOLD = 100_000_000_000_000L;

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
   * A reset moment written as an ISO instant, an HTTP date, an OpenAI duration ({@code 1s}, {@code
   * 6m0s}), relative seconds, or epoch seconds, milliseconds or microseconds (told apart by size),
   * resolved against {@code now}. Null when unreadable.
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
      BigDecimal number = new BigDecimal(t);
      if (number.compareTo(BigDecimal.valueOf(EPOCH_MICROS_THRESHOLD)) > 0) {
        return epoch(number.movePointLeft(6));
      }
      if (number.compareTo(BigDecimal.valueOf(EPOCH_MILLIS_THRESHOLD)) > 0) {
        return epoch(number.movePointLeft(3));
      }
      if (number.compareTo(BigDecimal.valueOf(EPOCH_SECONDS_THRESHOLD)) > 0) {
        return epoch(number);
      }
      return now.plus(clamp(number.movePointRight(9)));
    }
    Duration d = parseGoDuration(t);
    return d == null ? null : now.plus(d);
  }

  private static Instant epoch(BigDecimal seconds) {
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }

  /** An ISO-8601 instant or offset date-time, or an RFC 1123 HTTP date; null if neither. */
  public static @Nullable Instant parseDate(String t) {
    LastDate last = lastDate;
    if (last != null && last.text.equals(t)) {
      return last.instant; // a reset header repeats the same moment on every response of a window
    }
    Instant parsed = null;
    // Cheap shape checks first: a number or a duration is neither, and must not cost two parse
    // exceptions on every response.
    if (t.length() >= 11 && t.charAt(4) == '-') {
      try {
        parsed = OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException ignored) {
        // not ISO; try the HTTP date form
      }
    }
    if (parsed == null && t.indexOf(' ') >= 0) {
      try {
        parsed = ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
    if (parsed != null) {
      lastDate = new LastDate(t, parsed);
    }
    return parsed;
  }

  // The last date parsed, shared by all threads (an immutable pair, replaced whole).
  private static volatile @Nullable LastDate lastDate;

  private static final class LastDate {
    final String text;
    final Instant instant;

    LastDate(String text, Instant instant) {
      this.text = text;
      this.instant = instant;
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
