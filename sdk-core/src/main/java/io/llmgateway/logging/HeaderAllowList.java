package io.llmgateway.logging;

import io.llmgateway.internal.Redaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.Headers;

/**
 * Which headers may be logged with their values: names on the allow-list are shown (still passed
 * through redaction), every other value is replaced by {@code REDACTED}. Authorization is never on
 * the list. Immutable.
 */
public final class HeaderAllowList {
  /** What replaces the value of a header that is not allowed. */
  public static final String REDACTED = "REDACTED";

  private static final HeaderAllowList DEFAULTS =
      of(
          List.of(
              "content-type",
              "content-length",
              "date",
              "retry-after",
              "retry-after-ms",
              "x-request-id",
              "request-id",
              "x-client-request-id",
              "x-ratelimit-limit",
              "x-ratelimit-remaining",
              "x-ratelimit-reset",
              "x-ratelimit-limit-requests",
              "x-ratelimit-remaining-requests",
              "x-ratelimit-reset-requests",
              "x-ratelimit-limit-tokens",
              "x-ratelimit-remaining-tokens",
              "x-ratelimit-reset-tokens"));

  private final Set<String> allowed;

  private HeaderAllowList(Set<String> allowed) {
    this.allowed = allowed;
  }

  /** Content type and length, dates, request ids, retry hints and the rate-limit family. */
  public static HeaderAllowList ofDefaults() {
    return DEFAULTS;
  }

  /** Exactly these names (case-insensitive); {@code Authorization} is dropped if present. */
  public static HeaderAllowList of(Collection<String> names) {
    Set<String> set = new TreeSet<>();
    for (String n : names) {
      String lower = n.trim().toLowerCase(Locale.ROOT);
      if (!lower.equals("authorization") && !lower.equals("proxy-authorization")) {
        set.add(lower);
      }
    }
    return new HeaderAllowList(Set.copyOf(set));
  }

  /** The defaults plus {@code names}. */
  public HeaderAllowList plus(Collection<String> names) {
    List<String> all = new ArrayList<>(allowed);
    all.addAll(names);
    return of(all);
  }

  public boolean isAllowed(String name) {
    return allowed.contains(name.trim().toLowerCase(Locale.ROOT));
  }

  /** The value to log for header {@code name}. */
  public String value(String name, String value) {
    return isAllowed(name) ? Redaction.redact(value) : REDACTED;
  }

  /** {@code Name: value} lines joined by {@code ", "}, values filtered. */
  public String format(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      append(sb, headers.name(i), headers.value(i));
    }
    return sb.toString();
  }

  /** Like {@link #format(Headers)}, for a map of names to values. */
  public String format(Map<String, ? extends List<String>> headers) {
    StringBuilder sb = new StringBuilder();
    headers.forEach(
        (name, values) -> {
          for (String v : values) {
            append(sb, name, v);
          }
        });
    return sb.toString();
  }

  private void append(StringBuilder sb, String name, String value) {
    if (sb.length() > 0) {
      sb.append(", ");
    }
    sb.append(name).append(": ").append(value(name, value));
  }

  @Override
  public String toString() {
    return "HeaderAllowList" + allowed;
  }
}
