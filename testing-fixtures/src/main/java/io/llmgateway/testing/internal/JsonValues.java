package io.llmgateway.testing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small helpers for parsed JSON values (maps, lists, strings, numbers, booleans, null). */
public final class JsonValues {
  private JsonValues() {}

  /** A deep, unmodifiable copy that keeps nulls (which {@code Map.copyOf} refuses). */
  @SuppressWarnings("unchecked")
  public static <T> @Nullable T deepImmutable(@Nullable T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), deepImmutable(v)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(deepImmutable(v)));
      return (T) Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** A deep, mutable copy, for state the gateway will merge into later. */
  @SuppressWarnings("unchecked")
  public static <T> @Nullable T deepCopy(@Nullable T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(deepCopy(v)));
      return (T) copy;
    }
    return value;
  }
}
