package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.HttpError;
import io.llmgateway.testing.internal.wire.Responses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/** SaaS LiteLLM error bodies: {@code {"detail": ...}}, 422 lists, and the plain-text 500. */
final class SaasErrors {
  private SaasErrors() {}

  static HttpError detail(int status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detail", detail);
    return new HttpError(Responses.json(status, body), detail);
  }

  /** Starlette's answer to an unhandled exception. */
  static HttpError internalServerError() {
    return new HttpError(Responses.text(500, "text/plain; charset=utf-8", "Internal Server Error"));
  }

  static HttpError validation(List<Validation.Violation> violations, boolean pydanticV1) {
    List<Object> detail = new ArrayList<>();
    for (Validation.Violation v : violations) {
      detail.add(v.render(pydanticV1));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detail", detail);
    return new HttpError(Responses.json(422, body));
  }

  /** The 422 for a body Python's json module cannot parse. */
  static HttpError malformedJson(String text, int pos, String msg, boolean pydanticV1) {
    Map<String, @Nullable Object> error = new LinkedHashMap<>();
    if (pydanticV1) {
      int line = io.llmgateway.testing.internal.PyJsonError.line(text, pos);
      int col = io.llmgateway.testing.internal.PyJsonError.column(text, pos);
      error.put("loc", List.of("body", pos));
      error.put("msg", msg + ": line " + line + " column " + col + " (char " + pos + ")");
      error.put("type", "value_error.jsondecode");
      Map<String, Object> ctx = new LinkedHashMap<>();
      ctx.put("msg", msg);
      ctx.put("doc", text);
      ctx.put("pos", pos);
      ctx.put("lineno", line);
      ctx.put("colno", col);
      error.put("ctx", ctx);
    } else {
      error.put("type", "json_invalid");
      error.put("loc", List.of("body", pos));
      error.put("msg", "JSON decode error");
      error.put("input", Map.of());
      error.put("ctx", Map.of("error", msg));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detail", List.of(error));
    return new HttpError(Responses.json(422, body));
  }

  static MockResponse response(HttpError error) {
    return error.response();
  }
}
