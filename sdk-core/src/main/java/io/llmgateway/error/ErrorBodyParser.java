package io.llmgateway.error;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Reads an error body of any shape the gateways send: {@code {"detail": text | list | object}},
 * {@code {"error": object | text}}, HTML pages, plain text, nothing, truncated JSON or invalid
 * UTF-8. It never throws: what it cannot read becomes text.
 */
final class ErrorBodyParser {
  private static final Pattern HTML_TITLE =
      Pattern.compile("(?is)<title[^>]*>(.*?)</title>|<h1[^>]*>(.*?)</h1>");
  private static final Pattern TAGS = Pattern.compile("<[^>]*>");
  private static final Pattern JSON_STRING_FIELD =
      Pattern.compile("\"(detail|message|type|code)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,500})\"");

  private ErrorBodyParser() {}

  static ErrorBody parse(byte[] bytes, @Nullable String contentType) {
    // new String(..., UTF_8) replaces malformed input with U+FFFD instead of throwing.
    String text = new String(bytes, StandardCharsets.UTF_8);
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return new ErrorBody(ErrorBody.Shape.EMPTY, "", null, null, null, List.of(), text);
    }
    char first = trimmed.charAt(0);
    if (first == '{' || first == '[') {
      Object json = readJson(trimmed);
      if (json != null) {
        return fromJson(json, text);
      }
      return salvage(trimmed, text);
    }
    if (first == '<' || isHtml(contentType)) {
      return new ErrorBody(
          ErrorBody.Shape.HTML, htmlTitle(trimmed), null, null, null, List.of(), text);
    }
    return new ErrorBody(
        ErrorBody.Shape.TEXT, firstLine(trimmed), null, null, null, List.of(), text);
  }

  /** Parses a JSON value, or returns null for anything that is not complete, valid JSON. */
  static @Nullable Object readJson(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      Object value = reader.readJsonValue();
      return reader.peek() == JsonReader.Token.END_DOCUMENT ? value : null;
    } catch (IOException | RuntimeException e) {
      // Truncated, malformed or too deeply nested: the caller falls back to text.
      return null;
    }
  }

  private static ErrorBody fromJson(Object json, String text) {
    if (!(json instanceof Map)) {
      return other(text);
    }
    Map<?, ?> root = (Map<?, ?>) json;
    Object detail = root.get("detail");
    Object error = root.get("error");
    if (detail instanceof String) {
      return new ErrorBody(
          ErrorBody.Shape.DETAIL_TEXT, bound((String) detail), null, null, null, List.of(), text);
    }
    if (detail instanceof List) {
      List<FieldError> fields = FieldErrors.read((List<?>) detail);
      return new ErrorBody(
          ErrorBody.Shape.DETAIL_LIST, FieldErrors.summary(fields), null, null, null, fields, text);
    }
    if (detail instanceof Map) {
      Map<?, ?> d = (Map<?, ?>) detail;
      return new ErrorBody(
          ErrorBody.Shape.DETAIL_OBJECT,
          bound(firstText(d, "message", "msg", "detail", "error")),
          value(d.get("type")),
          value(d.get("code")),
          value(d.get("param")),
          List.of(),
          text);
    }
    if (error instanceof Map) {
      Map<?, ?> e = (Map<?, ?>) error;
      return new ErrorBody(
          ErrorBody.Shape.ERROR_OBJECT,
          bound(firstText(e, "message", "msg", "detail")),
          value(e.get("type")),
          value(e.get("code")),
          value(e.get("param")),
          List.of(),
          text);
    }
    if (error instanceof String) {
      return new ErrorBody(
          ErrorBody.Shape.ERROR_TEXT, bound((String) error), null, null, null, List.of(), text);
    }
    String message = firstText(root, "message", "msg");
    if (!message.isEmpty()) {
      return new ErrorBody(
          ErrorBody.Shape.OTHER_JSON,
          bound(message),
          value(root.get("type")),
          value(root.get("code")),
          null,
          List.of(),
          text);
    }
    return other(text);
  }

  private static ErrorBody other(String text) {
    return new ErrorBody(ErrorBody.Shape.OTHER_JSON, "", null, null, null, List.of(), text);
  }

  /**
   * A JSON body cut short (huge, or the connection dropped) still names its message and code early
   * on; pick those out so the error keeps its meaning.
   */
  private static ErrorBody salvage(String trimmed, String text) {
    String message = "";
    String type = null;
    String code = null;
    Matcher m =
        JSON_STRING_FIELD.matcher(
            trimmed.length() > 65_536 ? trimmed.substring(0, 65_536) : trimmed);
    while (m.find()) {
      String value = unescape(m.group(2));
      switch (m.group(1)) {
        case "type":
          type = type == null ? SafeText.value(value) : type;
          break;
        case "code":
          code = code == null ? SafeText.value(value) : code;
          break;
        default:
          message = message.isEmpty() ? bound(value) : message;
      }
    }
    return new ErrorBody(
        ErrorBody.Shape.MALFORMED_JSON, message, type, code, null, List.of(), text);
  }

  private static String firstText(Map<?, ?> map, String... keys) {
    for (String key : keys) {
      String value = JsonValues.text(map.get(key));
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  private static boolean isHtml(@Nullable String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
  }

  private static String htmlTitle(String html) {
    Matcher m = HTML_TITLE.matcher(html.length() > 65_536 ? html.substring(0, 65_536) : html);
    if (m.find()) {
      String title = m.group(1) != null ? m.group(1) : m.group(2);
      return bound(TAGS.matcher(title).replaceAll("").strip());
    }
    return "HTML error page";
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return bound((end < 0 ? text : text.substring(0, end)).strip());
  }

  private static String unescape(String jsonString) {
    Object value = readJson("\"" + jsonString + "\"");
    return value instanceof String ? (String) value : jsonString;
  }

  /** A message as kept on the error: redacted first, then bounded. */
  private static String bound(String message) {
    return SafeText.message(message);
  }

  private static @Nullable String value(@Nullable Object json) {
    return SafeText.value(JsonValues.text(json));
  }
}
