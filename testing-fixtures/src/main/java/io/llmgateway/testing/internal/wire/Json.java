package io.llmgateway.testing.internal.wire;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * JSON in and out through Moshi. Parsing keeps integers as {@link Long} (Moshi's generic reader
 * turns every number into a double, which would echo {@code 1} back as {@code 1.0}); writing keeps
 * map insertion order, so responses list keys in the order the specs give.
 */
public final class Json {
  private static final Moshi MOSHI =
      new Moshi.Builder().add(PyFloat.class, new PyFloatAdapter()).build();
  private static final JsonAdapter<Object> OBJECT = MOSHI.adapter(Object.class).serializeNulls();

  private Json() {}

  /** Thrown for text that is not one JSON value. */
  public static final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedJsonException(String message) {
      super(message);
    }
  }

  public static String write(@Nullable Object value) {
    return OBJECT.toJson(value);
  }

  /** Parses one JSON value: maps, lists, strings, Long, BigDecimal, Boolean or null. */
  public static @Nullable Object parse(String text) throws MalformedJsonException {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new MalformedJsonException("Extra data");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new MalformedJsonException(String.valueOf(e.getMessage()));
    }
  }

  private static @Nullable Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return map;
      case BEGIN_ARRAY:
        List<@Nullable Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      case STRING:
        return reader.nextString();
      case NUMBER:
        String number = reader.nextString();
        if (number.matches("-?\\d+")) {
          try {
            return Long.parseLong(number);
          } catch (NumberFormatException tooLong) {
            return new BigDecimal(number);
          }
        }
        return new BigDecimal(number);
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IOException("Unexpected " + reader.peek());
    }
  }

  /** Writes a JSON string literal with Moshi's escaping. */
  public static String quote(String text) {
    return OBJECT.toJson(text);
  }

  private static final class PyFloatAdapter extends JsonAdapter<PyFloat> {
    @Override
    public @Nullable PyFloat fromJson(JsonReader reader) throws IOException {
      return new PyFloat(reader.nextDouble());
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable PyFloat value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        writer.value(value);
      }
    }
  }
}
