package io.llmgateway.jobs;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the job client as JSON, byte for byte what Moshi's {@code Object} adapter
 * writes (nulls in objects left out), without its per-value adapter lookup for the plain values a
 * body holds (strings, booleans, whole numbers, doubles, string-keyed maps, collections). Anything
 * else goes through Moshi.
 */
final class JsonBodies {
  static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private static final JsonAdapter<Object> OBJECT = JsonAdapters.MOSHI.adapter(Object.class);

  /** Writes one JSON value into a writer. */
  interface Content {
    void writeTo(JsonWriter writer) throws IOException;
  }

  private JsonBodies() {}

  static RequestBody of(Map<String, ?> body) {
    return of(w -> value(w, body));
  }

  /** {@link #lazy(Content)} of a map. */
  static Lazy lazy(Map<String, ?> body) {
    return lazy(w -> value(w, body));
  }

  /**
   * A body written on first use, inside the first attempt (where a value Moshi cannot write fails
   * the call like any other error), then reused by the attempts after it.
   */
  static Lazy lazy(Content content) {
    return new Lazy(content);
  }

  /** See {@link #lazy(Content)}. Thread-safe: at worst two threads write the same bytes. */
  static final class Lazy {
    private final Content content;
    private volatile @Nullable RequestBody body;

    private Lazy(Content content) {
      this.content = content;
    }

    RequestBody get() {
      RequestBody b = body;
      if (b == null) {
        b = of(content);
        body = b;
      }
      return b;
    }
  }

  static RequestBody of(Content content) {
    Buffer buffer = new Buffer();
    try {
      content.writeTo(JsonWriter.of(buffer));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer never throws
    }
    return RequestBody.create(buffer.readByteString(), JSON);
  }

  /** {@code value} as Moshi's {@code Object} adapter writes it. */
  static void value(JsonWriter w, @Nullable Object value) throws IOException {
    if (value == null) {
      w.nullValue();
    } else if (value instanceof String) {
      w.value((String) value);
    } else if (value instanceof Boolean) {
      w.value(((Boolean) value).booleanValue());
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      w.value(((Number) value).longValue());
    } else if (value instanceof Double) {
      w.value(((Double) value).doubleValue());
    } else if (value instanceof Map && hasStringKeys((Map<?, ?>) value)) {
      w.beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        w.name((String) e.getKey());
        value(w, e.getValue());
      }
      w.endObject();
    } else if (value instanceof Collection) {
      w.beginArray();
      for (Object element : (Collection<?>) value) {
        value(w, element);
      }
      w.endArray();
    } else {
      OBJECT.toJson(w, value);
    }
  }

  private static boolean hasStringKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false; // Moshi's own error for a null key, its own text for other keys
      }
    }
    return true;
  }
}
