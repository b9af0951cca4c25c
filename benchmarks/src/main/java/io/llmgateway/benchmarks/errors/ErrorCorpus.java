package io.llmgateway.benchmarks.errors;

import io.llmgateway.error.Provider;
import io.llmgateway.internal.http.HeaderLookup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every error answer shown in the two guides (seeds/), the ones the real-server spec found, and the
 * odd shapes (HTML, empty, truncated, huge-ish) the classifier must survive: the same set as
 * sdk-core's ClassificationTable test, as (status, headers, body, content type).
 */
public final class ErrorCorpus {
  /** One error answer. */
  public record Case(
      String source,
      String name,
      Provider provider,
      int status,
      Map<String, String> headers,
      byte[] body,
      @Nullable String contentType) {

    /** The headers as the classifier reads them (built once, outside any timed loop). */
    public HeaderLookup lookup() {
      Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
      headers.forEach((k, v) -> multi.put(k, List.of(v)));
      return HeaderLookup.of(multi);
    }
  }

  private static final String JSON = "application/json";
  private static final String SAAS_401_MISSING =
      "Missing Authorization header. Expected: 'Authorization: Bearer sk-xxx...'";
  private static final String SAAS_401_FORMAT =
      "Invalid Authorization header format. Expected: 'Authorization: Bearer sk-xxx...'";
  private static final String NGINX_502 =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad"
          + " Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

  private ErrorCorpus() {}

  public static List<Case> all() {
    List<Case> c = new ArrayList<>();
    // SaaS LiteLLM guide (seeds/saas-litellm-error-handling.txt)
    String g = "saas guide";
    c.add(saas(g, "bad request", 400, detail("Invalid message structure")));
    c.add(saas(g, "invalid or missing key", 401, detail("Invalid or missing API key")));
    c.add(
        saas(g, "suspended or no credits", 403, detail("Team suspended or insufficient credits")));
    c.add(saas(g, "job not found", 404, detail("Job not found")));
    c.add(
        saas(
            g,
            "pydantic v1 validation",
            422,
            "{\"detail\": [{\"loc\": [\"body\", \"messages\"], \"msg\": \"field required\","
                + " \"type\": \"value_error.missing\"}]}"));
    c.add(saas(g, "rate limit", 429, detail("Rate limit exceeded")));
    c.add(saas(g, "internal error", 500, detail("Internal server error")));
    c.add(saas(g, "service unavailable", 503, detail("Service temporarily unavailable")));
    c.add(saas(g, "paused as 429", 429, detail("Team paused")));
    c.add(saas(g, "insufficient credits", 403, detail("Insufficient credits")));

    // SaaS LiteLLM real server (specs/saas-litellm-server.md)
    String s = "saas server spec";
    c.add(saas(s, "missing header", 401, detail(SAAS_401_MISSING)));
    c.add(saas(s, "bad header format", 401, detail(SAAS_401_FORMAT)));
    c.add(saas(s, "unknown key", 401, detail("Invalid API key")));
    c.add(saas(s, "suspended", 403, detail("Team access is suspended. Please contact support.")));
    c.add(saas(s, "paused", 403, detail("Team access is paused. Please contact support.")));
    c.add(
        saas(
            s,
            "alias access",
            403,
            detail("Team 'acme-corp' does not have access to model alias 'chat-fast'")));
    c.add(
        saas(
            s,
            "group access",
            403,
            detail("Team 'acme-corp' does not have access to model group 'GPT4Agent'")));
    c.add(saas(s, "inactive group", 403, detail("Model group 'GPT4Agent' not found or inactive")));
    c.add(
        saas(
            s,
            "group without models",
            403,
            detail("No active models configured for group 'GPT4Agent'")));
    c.add(saas(s, "key of another team", 403, detail("API key does not belong to team 'x'")));
    c.add(saas(s, "job of another team", 403, detail("Job does not belong to your team")));
    c.add(
        saas(
            s,
            "balance of another team",
            403,
            detail("Cannot access credit balance for a different team")));
    c.add(saas(s, "jobs of another team", 403, detail("Cannot access jobs for a different team")));
    c.add(saas(s, "team not found", 404, detail("Team 'acme-corp' not found")));
    c.add(saas(s, "model group not found", 404, detail("Model group 'GPT4Agent' not found")));
    c.add(saas(s, "model alias not found", 404, detail("Model alias 'chat-fast' not found")));
    c.add(saas(s, "unknown route", 404, detail("Not Found")));
    c.add(
        saas(
            s,
            "pydantic v2 missing model",
            422,
            "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"model\"],\"msg\":\"Field"
                + " required\",\"input\":{\"model_group\":\"chat-fast\",\"messages\":[]}}]}"));
    c.add(
        saas(
            s,
            "pydantic v2 literal error",
            422,
            "{\"detail\":[{\"type\":\"literal_error\",\"loc\":[\"body\",\"status\"],\"msg\":\"Input"
                + " should be 'completed' or 'failed'\",\"input\":\"COMPLETED\",\"ctx\":"
                + "{\"expected\":\"'completed' or 'failed'\"}}]}"));
    c.add(
        saas(
            s,
            "pydantic v2 malformed JSON",
            422,
            "{\"detail\":[{\"type\":\"json_invalid\",\"loc\":[\"body\",12],\"msg\":\"JSON decode"
                + " error\",\"input\":{},\"ctx\":{\"error\":\"Expecting value\"}}]}"));
    c.add(
        new Case(
            s,
            "plain-text 500",
            Provider.SAAS_LITELLM,
            500,
            Map.of(),
            bytes("Internal Server Error"),
            "text/plain; charset=utf-8"));
    c.add(
        saas(
            s,
            "no provider credentials",
            500,
            detail(
                "LLM call failed: 500: No provider credentials configured for openai. Please add"
                    + " credentials in the admin dashboard.")));
    c.add(
        saas(
            s,
            "provider rate limit",
            500,
            detail(
                "LLM call failed: 500: Failed to call provider API: OpenAI rate limit: Error code:"
                    + " 429")));
    c.add(
        saas(
            s,
            "provider authentication",
            500,
            detail(
                "LLM call failed: 500: Failed to call provider API: OpenAI authentication failed:"
                    + " Incorrect API key")));
    c.add(
        saas(
            s,
            "missing organization",
            500,
            detail(
                "LLM call failed: 500: Provider routing requires organization context. This is"
                    + " likely a configuration error.")));
    c.add(
        saas(
            s,
            "other provider error",
            500,
            detail(
                "LLM call failed: 500: Failed to call provider API: Gemini error: upstream"
                    + " overloaded")));
    c.add(
        saas(
            s,
            "credits check",
            403,
            detail(
                "Insufficient credits. Team has 0 credits remaining, but 1 required. Allocated:"
                    + " 10, Used: 10")));

    // HiveOps guide (seeds/hiveops-error-handling.txt) and spec
    String h = "hiveops guide";
    c.add(
        hive(
            h,
            "invalid api key",
            401,
            openAi("Invalid API key provided", "invalid_request_error", "invalid_api_key"),
            Map.of()));
    c.add(
        hive(
            h,
            "rate limit, window exhausted",
            429,
            openAi(
                "Rate limit exceeded. Please try again later.",
                "rate_limit_error",
                "rate_limit_exceeded"),
            Map.of(
                "X-RateLimit-Limit-Requests", "60",
                "X-RateLimit-Remaining-Requests", "0",
                "X-RateLimit-Reset-Requests", "2026-03-20T12:30:00Z")));
    c.add(
        hive(
            h,
            "insufficient balance",
            403,
            openAi(
                "Insufficient account balance. Please add funds to continue.",
                "insufficient_quota",
                "insufficient_balance"),
            Map.of()));
    c.add(
        hive(
            "hiveops spec",
            "insufficient balance as 429",
            429,
            openAi(
                "Insufficient account balance. Please add funds to continue.",
                "insufficient_quota",
                "insufficient_balance"),
            Map.of()));
    c.add(
        new Case(
            h,
            "invalid model as text",
            Provider.HIVEOPS,
            400,
            Map.of(),
            bytes("Invalid model 'invalid-model-name' specified"),
            "text/plain"));
    c.add(
        hive(
            h,
            "invalid model as object",
            400,
            openAi("Invalid model 'gpt-3.5-turbo' specified", "invalid_request_error", null),
            Map.of()));
    String hs = "hiveops spec";
    c.add(
        hive(
            hs,
            "insufficient quota as 429",
            429,
            openAi("You exceeded your current quota", "insufficient_quota", "insufficient_quota"),
            Map.of()));
    c.add(
        hive(
            hs,
            "model_not_found code",
            400,
            openAi("The model does not exist", "invalid_request_error", "model_not_found"),
            Map.of()));
    c.add(
        hive(
            hs,
            "server error",
            500,
            openAi("Model inference timeout", "server_error", null),
            Map.of()));
    c.add(
        hive(
            hs,
            "overloaded",
            503,
            openAi("Temporary overload", "server_error", "service_unavailable"),
            Map.of()));
    c.add(
        hive(
            hs,
            "blocked account",
            403,
            openAi("Your account has been blocked", "permission_error", "account_blocked"),
            Map.of()));
    c.add(
        hive(
            hs,
            "numeric code and param",
            429,
            "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"code\":429,"
                + "\"param\":\"model\"}}",
            Map.of()));
    c.add(
        hive(
            hs,
            "null code",
            400,
            "{\"error\":{\"message\":\"messages is required\",\"type\":\"invalid_request_error\","
                + "\"code\":null,\"param\":null}}",
            Map.of()));
    c.add(
        hive(
            hs,
            "missing key",
            401,
            openAi("Missing API key", "invalid_request_error", null),
            Map.of()));
    c.add(
        hive(
            hs,
            "expired key",
            401,
            openAi("API key expired", "invalid_request_error", "expired_api_key"),
            Map.of()));

    // Shapes every gateway sends sometimes
    String x = "shapes";
    c.add(
        new Case(
            x,
            "nginx HTML 502",
            Provider.SAAS_LITELLM,
            502,
            Map.of(),
            bytes(NGINX_502),
            "text/html"));
    c.add(
        new Case(
            x,
            "504 HTML page",
            Provider.SAAS_LITELLM,
            504,
            Map.of(),
            bytes("<html><body><h1>504 Gateway Time-out</h1></body></html>"),
            "text/html"));
    c.add(new Case(x, "empty 503", Provider.SAAS_LITELLM, 503, Map.of(), new byte[0], null));
    c.add(saas(x, "truncated JSON", 429, "{\"detail\": \"Rate limit exceeded\", \"extra\": [1, 2"));
    c.add(
        hive(
            x,
            "truncated error object",
            403,
            "{\"error\": {\"message\": \"Insufficient account balance.\", \"type\":"
                + " \"insufficient_quota\", \"code\": \"insufficient_balance\", \"pa",
            Map.of()));
    c.add(
        saas(
            x,
            "detail object",
            400,
            "{\"detail\": {\"message\": \"Budget exceeded\", \"code\": \"budget_exceeded\"}}"));
    c.add(saas(x, "JSON array body", 500, "[\"unexpected\"]"));
    c.add(saas(x, "teapot", 418, detail("I'm a teapot")));
    c.add(
        hive(
            x,
            "retry-after-ms and Retry-After",
            429,
            "",
            Map.of("retry-after-ms", "1500", "Retry-After", "30")));
    c.add(hive(x, "Retry-After seconds", 503, "", Map.of("Retry-After", "7")));
    c.add(
        hive(
            x,
            "Retry-After HTTP date",
            503,
            "",
            Map.of("Retry-After", "Fri, 20 Mar 2026 12:29:30 GMT")));
    c.add(hive(x, "request id", 500, "", Map.of("x-request-id", "req_123")));
    return List.copyOf(c);
  }

  private static Case saas(String source, String name, int status, String body) {
    return new Case(source, name, Provider.SAAS_LITELLM, status, Map.of(), bytes(body), JSON);
  }

  private static Case hive(
      String source, String name, int status, String body, Map<String, String> headers) {
    return new Case(source, name, Provider.HIVEOPS, status, headers, bytes(body), JSON);
  }

  private static String detail(String text) {
    return "{\"detail\": \"" + text + "\"}";
  }

  private static String openAi(String message, @Nullable String type, @Nullable String code) {
    return "{\"error\": {\"message\": \""
        + message
        + "\", \"type\": "
        + (type == null ? "null" : "\"" + type + "\"")
        + ", \"code\": "
        + (code == null ? "null" : "\"" + code + "\"")
        + "}}";
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
