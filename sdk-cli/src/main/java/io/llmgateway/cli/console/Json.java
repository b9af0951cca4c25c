package io.llmgateway.cli.console;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One JSON object per line, with Moshi; nulls are written so the shape never changes. */
public final class Json {
  private static final JsonAdapter<Map<String, @Nullable Object>> ADAPTER =
      new Moshi.Builder()
          .build()
          .<Map<String, @Nullable Object>>adapter(
              Types.newParameterizedType(Map.class, String.class, Object.class))
          .serializeNulls();

  private Json() {}

  public static String write(Map<String, @Nullable Object> object) {
    return ADAPTER.toJson(object);
  }

  public static Map<String, @Nullable Object> read(String json) {
    try {
      Map<String, @Nullable Object> value = ADAPTER.fromJson(json);
      if (value == null) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return value;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
  }
}
