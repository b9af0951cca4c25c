package io.llmgateway.testing.saas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small model of the server's pydantic request models: which fields exist, their types, and what
 * pydantic v2 (the server) and v1 (the docs) say when a value does not fit.
 */
final class Validation {
  private Validation() {}

  enum Kind {
    STR,
    OBJ,
    OBJ_LIST,
    NUM,
    INT,
    STR_LIST,
    ANY,
    STATUS_LITERAL
  }

  record Field(String name, Kind kind, boolean required) {
    static Field req(String name, Kind kind) {
      return new Field(name, kind, true);
    }

    static Field opt(String name, Kind kind) {
      return new Field(name, kind, false);
    }
  }

  /** One error, with both the v2 and the v1 wording. */
  record Violation(
      List<Object> loc,
      String type,
      String msg,
      @Nullable Object input,
      @Nullable Map<String, Object> ctx,
      String v1Type,
      String v1Msg,
      @Nullable Map<String, Object> v1Ctx) {

    Map<String, @Nullable Object> render(boolean pydanticV1) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      if (pydanticV1) {
        out.put("loc", loc);
        out.put("msg", v1Msg);
        out.put("type", v1Type);
        if (v1Ctx != null) {
          out.put("ctx", v1Ctx);
        }
      } else {
        out.put("type", type);
        out.put("loc", loc);
        out.put("msg", msg);
        out.put("input", input);
        if (ctx != null) {
          out.put("ctx", ctx);
        }
      }
      return out;
    }
  }

  static Violation missing(List<Object> loc, @Nullable Object input) {
    return new Violation(
        loc,
        "missing",
        "Field required",
        input,
        null,
        "value_error.missing",
        "field required",
        null);
  }

  static List<Violation> check(Map<?, ?> body, List<Field> fields) {
    List<Violation> out = new ArrayList<>();
    for (Field field : fields) {
      List<Object> loc = List.of("body", field.name());
      if (!body.containsKey(field.name())) {
        if (field.required()) {
          out.add(missing(loc, body));
        }
        continue;
      }
      Object value = body.get(field.name());
      if (value == null) {
        if (field.required() && field.kind() != Kind.ANY) {
          out.add(typeError(loc, field.kind(), null));
        }
        continue;
      }
      checkValue(loc, field.kind(), value, out);
    }
    return out;
  }

  private static void checkValue(List<Object> loc, Kind kind, Object value, List<Violation> out) {
    switch (kind) {
      case STR:
        if (!(value instanceof String)) {
          out.add(typeError(loc, kind, value));
        }
        break;
      case OBJ:
        if (!(value instanceof Map)) {
          out.add(typeError(loc, kind, value));
        }
        break;
      case OBJ_LIST:
      case STR_LIST:
        if (!(value instanceof List<?> list)) {
          out.add(typeError(loc, kind, value));
          break;
        }
        Kind item = kind == Kind.OBJ_LIST ? Kind.OBJ : Kind.STR;
        for (int i = 0; i < list.size(); i++) {
          List<Object> itemLoc = new ArrayList<>(loc);
          itemLoc.add(i);
          Object element = list.get(i);
          if (element == null) {
            out.add(typeError(itemLoc, item, null));
          } else {
            checkValue(itemLoc, item, element, out);
          }
        }
        break;
      case NUM:
        if (!(value instanceof Number) && !parses(value, false)) {
          out.add(typeError(loc, kind, value));
        }
        break;
      case INT:
        if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() > 0) {
          out.add(
              new Violation(
                  loc,
                  "int_from_float",
                  "Input should be a valid integer, got a number with a fractional part",
                  value,
                  null,
                  "type_error.integer",
                  "value is not a valid integer",
                  null));
        } else if (!(value instanceof Number) && !parses(value, true)) {
          out.add(typeError(loc, kind, value));
        }
        break;
      case STATUS_LITERAL:
        if (!"completed".equals(value) && !"failed".equals(value)) {
          Map<String, Object> v1Ctx = new LinkedHashMap<>();
          v1Ctx.put("given", value);
          v1Ctx.put("permitted", List.of("completed", "failed"));
          out.add(
              new Violation(
                  loc,
                  "literal_error",
                  "Input should be 'completed' or 'failed'",
                  value,
                  Map.of("expected", "'completed' or 'failed'"),
                  "value_error.const",
                  "unexpected value; permitted: 'completed', 'failed'",
                  v1Ctx));
        }
        break;
      case ANY:
        break;
    }
  }

  private static boolean parses(Object value, boolean integer) {
    if (!(value instanceof String s)) {
      return false;
    }
    try {
      if (integer) {
        Long.parseLong(s.trim());
      } else {
        Double.parseDouble(s.trim());
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Violation typeError(List<Object> loc, Kind kind, @Nullable Object input) {
    String type;
    String msg;
    String v1Type;
    String v1Msg;
    switch (kind) {
      case STR:
        type = "string_type";
        msg = "Input should be a valid string";
        v1Type = "type_error.str";
        v1Msg = "str type expected";
        break;
      case OBJ:
        type = "dict_type";
        msg = "Input should be a valid dictionary";
        v1Type = "type_error.dict";
        v1Msg = "value is not a valid dict";
        break;
      case OBJ_LIST:
      case STR_LIST:
        type = "list_type";
        msg = "Input should be a valid list";
        v1Type = "type_error.list";
        v1Msg = "value is not a valid list";
        break;
      case NUM:
        type = input instanceof String ? "float_parsing" : "float_type";
        msg =
            input instanceof String
                ? "Input should be a valid number, unable to parse string as a number"
                : "Input should be a valid number";
        v1Type = "type_error.float";
        v1Msg = "value is not a valid float";
        break;
      default:
        type = input instanceof String ? "int_parsing" : "int_type";
        msg =
            input instanceof String
                ? "Input should be a valid integer, unable to parse string as an integer"
                : "Input should be a valid integer";
        v1Type = "type_error.integer";
        v1Msg = "value is not a valid integer";
        break;
    }
    if (input == null) {
      v1Type = "type_error.none.not_allowed";
      v1Msg = "none is not an allowed value";
    }
    return new Violation(loc, type, msg, input, null, v1Type, v1Msg, null);
  }
}
