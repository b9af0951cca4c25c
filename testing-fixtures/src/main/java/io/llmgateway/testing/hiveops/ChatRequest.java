package io.llmgateway.testing.hiveops;

import io.llmgateway.testing.internal.HttpError;
import io.llmgateway.testing.internal.wire.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion request, checked as the OpenAI API checks it: the parameters HiveOps documents
 * (model, messages, temperature, top_p, max_tokens, stream, stop, presence and frequency penalties)
 * plus OpenAI's {@code max_completion_tokens} and {@code stream_options}. A bad value is a 400 with
 * OpenAI's message, {@code param} and {@code code}. Unknown fields are ignored, as OpenAI does.
 */
record ChatRequest(
    String model,
    List<?> messages,
    @Nullable Long maxTokens,
    List<String> stops,
    boolean stream,
    boolean includeUsage) {

  private static final Set<String> ROLES =
      Set.of("system", "developer", "user", "assistant", "tool", "function");
  private static final String SUPPORTED_ROLES =
      "Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.";
  private static final int MAX_STOPS = 4;

  static ChatRequest parse(String text) {
    Object parsed;
    try {
      parsed = Json.parse(text);
    } catch (Json.MalformedJsonException e) {
      throw HiveOpsErrors.invalid(HiveOpsErrors.UNPARSEABLE, null, null);
    }
    if (!(parsed instanceof Map<?, ?> body)) {
      throw HiveOpsErrors.invalid(HiveOpsErrors.UNPARSEABLE, null, null);
    }
    String model = required(body, "model") instanceof String s ? s : null;
    if (model == null) {
      throw invalidType("model", "a string", body.get("model"));
    }
    List<?> messages = messages(body);
    Long maxTokens = positiveInt(body, "max_completion_tokens");
    if (maxTokens == null) {
      maxTokens = positiveInt(body, "max_tokens");
    }
    range(body, "temperature", 0, 2);
    range(body, "top_p", 0, 1);
    range(body, "presence_penalty", -2, 2);
    range(body, "frequency_penalty", -2, 2);
    boolean stream = bool(body, "stream");
    Object options = body.get("stream_options");
    if (options != null && !stream) {
      throw HiveOpsErrors.invalid(
          "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
          "stream_options",
          null);
    }
    boolean includeUsage =
        options instanceof Map<?, ?> o && Boolean.TRUE.equals(o.get("include_usage"));
    return new ChatRequest(model, messages, maxTokens, stops(body), stream, includeUsage);
  }

  private static Object required(Map<?, ?> body, String name) {
    if (!body.containsKey(name)) {
      throw missing(name);
    }
    return body.get(name);
  }

  private static List<?> messages(Map<?, ?> body) {
    if (!(required(body, "messages") instanceof List<?> messages)) {
      throw invalidType("messages", "an array of objects", body.get("messages"));
    }
    if (messages.isEmpty()) {
      throw HiveOpsErrors.invalid(
          "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an"
              + " empty array instead.",
          "messages",
          "empty_array");
    }
    for (int i = 0; i < messages.size(); i++) {
      String at = "messages[" + i + "]";
      if (!(messages.get(i) instanceof Map<?, ?> message)) {
        throw invalidType(at, "an object", messages.get(i));
      }
      if (!message.containsKey("role")) {
        throw missing(at + ".role");
      }
      Object role = message.get("role");
      if (!(role instanceof String name) || !ROLES.contains(name)) {
        throw HiveOpsErrors.invalid(
            "Invalid value: '" + Json.write(role).replace("\"", "") + "'. " + SUPPORTED_ROLES,
            at + ".role",
            "invalid_value");
      }
      Object content = message.get("content");
      boolean mayOmit = name.equals("assistant"); // an assistant turn may carry only tool calls
      if (content == null && !mayOmit) {
        throw missing(at + ".content");
      }
      if (content != null && !(content instanceof String) && !(content instanceof List)) {
        throw invalidType(at + ".content", "one of a string or array of objects", content);
      }
    }
    return messages;
  }

  private static @Nullable Long positiveInt(Map<?, ?> body, String name) {
    Object value = body.get(name);
    if (value == null) {
      return null;
    }
    Long number = null;
    if (value instanceof Long l) {
      number = l;
    } else if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
      number = d.longValue();
    }
    if (number == null) {
      throw invalidType(name, "an integer", value);
    }
    if (number < 1) {
      throw HiveOpsErrors.invalid(
          "Invalid '"
              + name
              + "': integer below minimum value. Expected a value >= 1, but got "
              + number
              + " instead.",
          name,
          "integer_below_min_value");
    }
    return number;
  }

  private static void range(Map<?, ?> body, String name, int min, int max) {
    Object value = body.get(name);
    if (value == null) {
      return;
    }
    if (!(value instanceof Long) && !(value instanceof BigDecimal)) {
      throw invalidType(name, "a decimal", value);
    }
    BigDecimal number = new BigDecimal(value.toString());
    boolean below = number.compareTo(BigDecimal.valueOf(min)) < 0;
    if (below || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw HiveOpsErrors.invalid(
          "Invalid '"
              + name
              + "': decimal "
              + (below ? "below minimum" : "above maximum")
              + " value. Expected a value "
              + (below ? ">= " + min : "<= " + max)
              + ", but got "
              + value
              + " instead.",
          name,
          below ? "decimal_below_min_value" : "decimal_above_max_value");
    }
  }

  private static boolean bool(Map<?, ?> body, String name) {
    Object value = body.get(name);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean b)) {
      throw invalidType(name, "a boolean", value);
    }
    return b;
  }

  private static List<String> stops(Map<?, ?> body) {
    Object value = body.get("stop");
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (!(value instanceof List<?> list)) {
      throw invalidType("stop", "one of a string or array of strings", value);
    }
    if (list.size() > MAX_STOPS) {
      throw HiveOpsErrors.invalid(
          "Invalid 'stop': array too long. Expected an array with maximum length 4, but got an"
              + " array with length "
              + list.size()
              + " instead.",
          "stop",
          "array_above_max_length");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw invalidType("stop[" + i + "]", "a string", list.get(i));
      }
      out.add(s);
    }
    return out;
  }

  private static HttpError missing(String param) {
    return HiveOpsErrors.invalid(
        "Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
  }

  private static HttpError invalidType(String param, String expected, @Nullable Object got) {
    return HiveOpsErrors.invalid(
        "Invalid type for '"
            + param
            + "': expected "
            + expected
            + ", but got "
            + typeName(got)
            + " instead.",
        param,
        "invalid_type");
  }

  private static String typeName(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Long) {
      return "an integer";
    }
    if (value instanceof BigDecimal) {
      return "a decimal";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return value instanceof List ? "an array" : "an object";
  }
}
