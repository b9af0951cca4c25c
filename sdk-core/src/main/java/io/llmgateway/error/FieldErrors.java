package io.llmgateway.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads pydantic's validation lists, v1 and v2 shapes alike. */
final class FieldErrors {
  private static final int MAX_FIELDS = 100;

  private FieldErrors() {}

  static List<FieldError> read(List<?> detail) {
    List<FieldError> fields = new ArrayList<>();
    for (Object item : detail) {
      if (fields.size() == MAX_FIELDS) {
        break;
      }
      if (item instanceof Map) {
        fields.add(read((Map<?, ?>) item));
      } else if (item != null) {
        fields.add(
            new FieldError(
                List.of(), SafeText.message(String.valueOf(JsonValues.text(item))), null, null));
      }
    }
    return fields;
  }

  private static FieldError read(Map<?, ?> item) {
    List<String> location = new ArrayList<>();
    Object loc = item.get("loc");
    if (loc instanceof List) {
      for (Object part : (List<?>) loc) {
        String text = SafeText.value(JsonValues.text(part));
        location.add(text == null ? "null" : text);
      }
    }
    String msg = JsonValues.text(item.get("msg"));
    String input = item.containsKey("input") ? JsonValues.text(item.get("input")) : null;
    return new FieldError(
        location,
        msg == null ? "" : SafeText.message(msg),
        SafeText.value(JsonValues.text(item.get("type"))),
        SafeText.value(input));
  }

  /** "body.messages: field required; body.model: Field required". */
  static String summary(List<FieldError> fields) {
    StringBuilder out = new StringBuilder();
    for (FieldError field : fields) {
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(
          field.field().isEmpty() ? field.message() : field.field() + ": " + field.message());
      if (out.length() > SafeText.MESSAGE_LIMIT) {
        break;
      }
    }
    return SafeText.message(out.toString());
  }
}
