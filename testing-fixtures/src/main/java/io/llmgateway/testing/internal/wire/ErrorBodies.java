package io.llmgateway.testing.internal.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Error bodies both the personalities and the scripted faults write. */
public final class ErrorBodies {
  private ErrorBodies() {}

  /**
   * An error in the OpenAI API's shape, {@code {"error":{"message","type","param","code"}}}, with
   * {@code param} and {@code code} present even when null, as OpenAI sends them.
   */
  public static Map<String, Object> openAi(
      String message, String type, @Nullable String param, @Nullable String code) {
    Map<String, @Nullable Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", type);
    error.put("param", param);
    error.put("code", code);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    return body;
  }
}
