package io.llmgateway.jobs;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.Provider;
import io.llmgateway.error.UnexpectedResponseException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads one job-client answer: UTF-8 JSON parsed by Moshi from its bytes (never decoded into a
 * String first), then checked for the fields its endpoint always sends. A body that does not parse,
 * or lacks them, is an {@link UnexpectedResponseException} that keeps the body.
 */
final class JobsTransport {
  private static final ConcurrentMap<Type, Reader<?>> READERS = new ConcurrentHashMap<>();

  private JobsTransport() {}

  /** How to read one answer type: its Moshi adapter, looked up once, and its name for messages. */
  static final class Reader<T> {
    private final JsonAdapter<T> adapter;
    private final String name;

    private Reader(JsonAdapter<T> adapter, String name) {
      this.adapter = adapter;
      this.name = name;
    }
  }

  @SuppressWarnings("unchecked")
  static <T> Reader<T> reader(Type type) {
    Reader<?> r = READERS.get(type);
    if (r == null) {
      r =
          READERS.computeIfAbsent(
              type, t -> new Reader<>(JsonAdapters.MOSHI.adapter(t), simpleName(t)));
    }
    return (Reader<T>) r;
  }

  /**
   * The answer in a 2xx {@code response} whose body {@code source} holds it whole (read within the
   * size limit by the call layer).
   */
  static <T> T read(Response response, BufferedSource source, Reader<T> reader) throws IOException {
    byte[] bytes;
    if (isPlainUtf8(response.header("Content-Type"), source.getBuffer())) {
      // Read out (not peeked or cloned: okio keeps only unshared segments for reuse).
      bytes = source.getBuffer().readByteArray();
    } else {
      // A declared charset or a byte-order mark: decode as text first.
      ResponseBody body = response.body();
      bytes = (body == null ? "" : body.string()).getBytes(StandardCharsets.UTF_8);
    }
    return parse(bytes, reader, response.code());
  }

  /**
   * Parses {@code bytes} (UTF-8 JSON); an answer that does not parse, or lacks what its endpoint
   * always sends, keeps them as its raw body.
   */
  static <T> T parse(byte[] bytes, Reader<T> reader, int status) {
    T value;
    try {
      JsonReader json = JsonReader.of(new Buffer().write(bytes));
      value = reader.adapter.fromJson(json);
      if (json.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed.");
      }
      if (value == null) {
        throw new IOException("empty body");
      }
    } catch (IOException | RuntimeException e) {
      throw unexpected(bytes, reader, status, e.getMessage(), e);
    }
    String missing = AnswerChecks.missing(value);
    if (missing != null) {
      throw unexpected(bytes, reader, status, "no " + missing, null);
    }
    return value;
  }

  private static UnexpectedResponseException unexpected(
      byte[] bytes, Reader<?> reader, int status, @Nullable String why, @Nullable Throwable e) {
    ErrorDetails details =
        ErrorDetails.builder(Provider.SAAS_LITELLM)
            .status(status)
            .rawBody(new String(bytes, StandardCharsets.UTF_8))
            .build();
    return new UnexpectedResponseException(
        "HTTP " + status + " answer is not a " + reader.name + " [saas-litellm]: " + why,
        details,
        e);
  }

  // UTF-8 (declared or by default) and no byte-order mark, which is all JSON may be. The media
  // type is parsed (a regex) only when it names a charset.
  private static boolean isPlainUtf8(@Nullable String contentType, Buffer bytes) {
    if (contentType != null && namesCharset(contentType)) {
      MediaType type = MediaType.parse(contentType);
      Charset charset = type == null ? null : type.charset();
      if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
        return false;
      }
    }
    if (bytes.size() == 0) {
      return true;
    }
    int first = bytes.getByte(0) & 0xff;
    return first != 0xef && first != 0xfe && first != 0xff && first != 0x00;
  }

  private static boolean namesCharset(String contentType) {
    for (int i = 0, last = contentType.length() - 7; i <= last; i++) {
      if (contentType.regionMatches(true, i, "charset", 0, 7)) {
        return true;
      }
    }
    return false;
  }

  // "ModelAlias", "List<ModelAlias>": short enough for a message.
  private static String simpleName(Type type) {
    if (type instanceof Class) {
      return ((Class<?>) type).getSimpleName();
    }
    return type.toString().replaceAll("[\\w$]+\\.", ""); // getTypeName() is not on Android 24
  }
}
