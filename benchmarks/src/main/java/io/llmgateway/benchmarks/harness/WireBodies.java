package io.llmgateway.benchmarks.harness;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Compares two request bodies as JSON values (key order and number spelling ignored). */
public final class WireBodies {
  private WireBodies() {}

  public static boolean sameJson(byte @Nullable [] a, byte @Nullable [] b) {
    if (a == null || b == null) {
      return false;
    }
    return Objects.equals(parse(a), parse(b));
  }

  /** The body as text for the report. */
  public static String text(byte @Nullable [] body) {
    return body == null ? "(none)" : new String(body, StandardCharsets.UTF_8);
  }

  private static @Nullable Object parse(byte[] body) {
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      return reader.readJsonValue();
    } catch (IOException | RuntimeException e) {
      return "not JSON: " + new String(body, StandardCharsets.UTF_8);
    }
  }
}
