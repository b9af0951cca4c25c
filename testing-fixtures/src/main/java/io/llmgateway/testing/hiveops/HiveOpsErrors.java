package io.llmgateway.testing.hiveops;

import io.llmgateway.testing.internal.HttpError;
import io.llmgateway.testing.internal.Responses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * HiveOps error bodies, {@code {"error":{"message","type","code"}}}. The 401, 403 and 429 bodies
 * are the guide's, word for word; the invalid-model message is the guide's, but its type and code
 * ({@code invalid_request_error}, {@code model_not_found}) are our choice: the guide gives none.
 */
public final class HiveOpsErrors {
  private HiveOpsErrors() {}

  public static Map<String, Object> body(String message, String type, @Nullable String code) {
    Map<String, @Nullable Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", type);
    error.put("code", code);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    return body;
  }

  static HttpError error(int status, String message, String type, @Nullable String code) {
    return new HttpError(Responses.json(status, body(message, type, code)), message);
  }

  static HttpError invalidApiKey() {
    return error(401, "Invalid API key provided", "invalid_request_error", "invalid_api_key");
  }

  static HttpError rateLimited() {
    return error(
        429,
        "Rate limit exceeded. Please try again later.",
        "rate_limit_error",
        "rate_limit_exceeded");
  }

  static HttpError insufficientBalance() {
    return error(
        403,
        "Insufficient account balance. Please add funds to continue.",
        "insufficient_quota",
        "insufficient_balance");
  }

  static HttpError invalidModel(String model) {
    return error(
        400, "Invalid model '" + model + "' specified", "invalid_request_error", "model_not_found");
  }

  static HttpError badRequest(String message, String code) {
    return error(400, message, "invalid_request_error", code);
  }
}
