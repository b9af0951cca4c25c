package io.llmgateway.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Case-insensitive read access to response headers, whatever HTTP library produced them. A lambda
 * works: {@code name -> response.header(name)}.
 */
@FunctionalInterface
public interface HeaderLookup {
  /** No headers at all. */
  HeaderLookup NONE = name -> null;

  /** The first value of header {@code name} (matched case-insensitively), or null. */
  @Nullable String get(String name);

  /** Headers from OkHttp. */
  static HeaderLookup of(Headers headers) {
    return headers::get;
  }

  /** Headers from a map of names to values, names matched case-insensitively. */
  static HeaderLookup of(Map<String, ? extends List<String>> headers) {
    Map<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> {
          if (name != null && values != null && !values.isEmpty() && values.get(0) != null) {
            first.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
          }
        });
    return first::get;
  }
}
