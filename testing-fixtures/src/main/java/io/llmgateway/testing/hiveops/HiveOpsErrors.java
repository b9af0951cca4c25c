package io.llmgateway.testing.hiveops;

import io.llmgateway.testing.internal.HttpError;
import io.llmgateway.testing.internal.wire.ErrorBodies;
import io.llmgateway.testing.internal.wire.Responses;
import org.jspecify.annotations.Nullable;

/**
 * HiveOps error bodies in the OpenAI API's shape, {@code {"error":{"message","type","param",
 * "code"}}} (the HiveOps docs show the same object without {@code param}; OpenAI always sends it,
 * null when no parameter is at fault). The 401, 403 and 429 texts, types and codes are the guide's,
 * word for word; the invalid-model message is the guide's, its type and code our choice; every
 * other text is OpenAI's.
 */
public final class HiveOpsErrors {
  /** OpenAI's answer to a body that is not JSON. */
  static final String UNPARSEABLE =
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using"
          + " your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent"
          + " was not valid JSON. If you have trouble figuring out how to fix this, please contact"
          + " us through our help center at help.openai.com.)";

  private HiveOpsErrors() {}

  static HttpError error(
      int status, String message, String type, @Nullable String param, @Nullable String code) {
    return new HttpError(
        Responses.json(status, ErrorBodies.openAi(message, type, param, code)), message);
  }

  /** A 400 {@code invalid_request_error} about one parameter. */
  static HttpError invalid(String message, @Nullable String param, @Nullable String code) {
    return error(400, message, "invalid_request_error", param, code);
  }

  static HttpError invalidApiKey() {
    return error(401, "Invalid API key provided", "invalid_request_error", null, "invalid_api_key");
  }

  static HttpError rateLimited() {
    return error(
        429,
        "Rate limit exceeded. Please try again later.",
        "rate_limit_error",
        null,
        "rate_limit_exceeded");
  }

  /** The guide's 403; in the OpenAI form, OpenAI's 429 for an exhausted quota. */
  static HttpError insufficientBalance(boolean openAiForm) {
    if (openAiForm) {
      return error(
          429,
          "You exceeded your current quota, please check your plan and billing details. For more"
              + " information on this error, read the docs:"
              + " https://platform.openai.com/docs/guides/error-codes/api-errors.",
          "insufficient_quota",
          null,
          "insufficient_quota");
    }
    return error(
        403,
        "Insufficient account balance. Please add funds to continue.",
        "insufficient_quota",
        null,
        "insufficient_balance");
  }

  /** The guide's 400 for a chat with an unknown model; in the OpenAI form, OpenAI's 404. */
  static HttpError invalidModel(String model, boolean openAiForm) {
    return openAiForm
        ? modelNotFound(model)
        : error(
            400,
            "Invalid model '" + model + "' specified",
            "invalid_request_error",
            "model",
            "model_not_found");
  }

  /** OpenAI's 404 for a model that does not exist (also {@code GET /models/{id}} in both forms). */
  static HttpError modelNotFound(String model) {
    return error(
        404,
        "The model `" + model + "` does not exist or you do not have access to it.",
        "invalid_request_error",
        null,
        "model_not_found");
  }

  /** OpenAI's 404 for a path it does not serve. */
  static HttpError invalidUrl(String method, String path) {
    return error(
        404, "Invalid URL (" + method + " " + path + ")", "invalid_request_error", null, null);
  }

  static HttpError methodNotAllowed(String method, String path) {
    return error(
        405,
        "Method " + method + " not allowed for " + path,
        "invalid_request_error",
        null,
        "method_not_allowed");
  }
}
