package io.llmgateway.error;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns values from Moshi's {@code readJsonValue()} into text. Scalars come back whole: callers
 * keep them through {@link SafeText}.
 */
final class JsonValues {
  private JsonValues() {}

  /**
   * Text of a scalar: strings as is, whole numbers without ".0" (a {@code code} may be 429), null
   * for null. Objects and lists become compact text, redacted and then bounded (an object that
   * echoes a key must not be cut inside it).
   */
  static @Nullable String text(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof Double) {
      double d = (Double) value;
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return Double.toString(d);
    }
    if (value instanceof Map || value instanceof List) {
      return SafeText.value(value.toString());
    }
    return String.valueOf(value);
  }
}
