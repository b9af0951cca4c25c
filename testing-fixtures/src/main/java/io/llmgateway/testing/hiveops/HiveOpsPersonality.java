package io.llmgateway.testing.hiveops;

import io.llmgateway.testing.internal.FakeCompletion;
import io.llmgateway.testing.internal.HiveKeyState;
import io.llmgateway.testing.internal.HttpError;
import io.llmgateway.testing.internal.Json;
import io.llmgateway.testing.internal.OpenAiChunks;
import io.llmgateway.testing.internal.Req;
import io.llmgateway.testing.internal.Responses;
import io.llmgateway.testing.internal.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * The HiveOps API: chat completions and models, with and without {@code /v1}. Order of checks: key
 * (401), rate window (429), body (400), model (400), balance (403); then the call is charged. Every
 * response for a known key carries the five {@code X-RateLimit-*} headers.
 */
public final class HiveOpsPersonality {
  /** When the fake's models were "created", for {@code /models}. */
  private static final long MODELS_CREATED = 1710892800L;

  public boolean owns(String path) {
    return path.equals("/chat/completions") || path.equals("/models") || path.startsWith("/v1/");
  }

  /** Handles one request; call with the store's monitor held. */
  public MockResponse handle(Store store, Req req) {
    HiveKeyState[] key = new HiveKeyState[1];
    MockResponse response;
    try {
      response = route(store, req, key);
    } catch (HttpError e) {
      response = e.response();
    }
    if (key[0] != null) {
      rateHeaders(store, key[0]).forEach(response::setHeader);
    }
    return response;
  }

  private MockResponse route(Store store, Req req, HiveKeyState[] key) {
    String path = req.path.startsWith("/v1/") ? req.path.substring(3) : req.path;
    boolean chat = path.equals("/chat/completions");
    boolean models = path.equals("/models");
    if (!chat && !models) {
      throw HiveOpsErrors.error(
          404,
          "Unknown request URL: " + req.method + " " + req.path,
          "invalid_request_error",
          "unknown_url");
    }
    if (!req.method.equals(chat ? "POST" : "GET")) {
      throw HiveOpsErrors.error(
          405,
          "Method " + req.method + " not allowed for " + req.path,
          "invalid_request_error",
          "method_not_allowed");
    }
    key[0] = authenticate(store, req);
    admit(store, key[0]);
    return chat ? chat(store, req, key[0]) : models();
  }

  private static HiveKeyState authenticate(Store store, Req req) {
    String header = req.header("Authorization");
    if (header == null) {
      throw HiveOpsErrors.invalidApiKey();
    }
    String[] parts = header.trim().split("\\s+");
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer")) {
      throw HiveOpsErrors.invalidApiKey();
    }
    HiveKeyState key = store.hiveKeys.get(parts[1]);
    if (key == null || !store.now().isBefore(key.expiresAt)) {
      throw HiveOpsErrors.invalidApiKey(); // the guide lists expired keys under this 401
    }
    return key;
  }

  /** The per-key fixed window: a rejected request does not count against it. */
  private static void admit(Store store, HiveKeyState key) {
    Instant now = store.now();
    if (key.window.requests(now) >= store.options.hiveOpsRequestsPerWindow()
        || key.window.tokens(now) >= store.options.hiveOpsTokensPerWindow()) {
      throw HiveOpsErrors.rateLimited();
    }
    key.window.addRequest(now);
    key.totalRequests++;
  }

  private MockResponse chat(Store store, Req req, HiveKeyState key) {
    Object parsed;
    try {
      parsed = Json.parse(req.body);
    } catch (Json.MalformedJsonException e) {
      throw HiveOpsErrors.badRequest(
          "We could not parse the JSON body of your request.", "invalid_json");
    }
    if (!(parsed instanceof Map<?, ?> body)) {
      throw HiveOpsErrors.badRequest(
          "We could not parse the JSON body of your request.", "invalid_json");
    }
    if (!(body.get("model") instanceof String model)) {
      throw HiveOpsErrors.badRequest(
          "Missing required parameter: 'model'", "missing_required_parameter");
    }
    if (!(body.get("messages") instanceof List<?> messages) || messages.isEmpty()) {
      throw HiveOpsErrors.badRequest(
          "Missing required parameter: 'messages'", "missing_required_parameter");
    }
    if (HiveOpsPrices.of(model) == null) {
      throw HiveOpsErrors.invalidModel(model);
    }
    if (key.balanceUsd.signum() <= 0) {
      throw HiveOpsErrors.insufficientBalance();
    }
    Long maxTokens = body.get("max_tokens") instanceof Number n ? n.longValue() : null;
    FakeCompletion completion = FakeCompletion.of(messages, maxTokens);
    key.balanceUsd =
        key.balanceUsd.subtract(
            HiveOpsPrices.cost(model, completion.promptTokens(), completion.completionTokens()));
    key.window.addTokens(store.now(), completion.totalTokens());
    String id = "chatcmpl-fake-" + key.totalRequests;
    long created = store.now().getEpochSecond();
    String finish = completion.truncated() ? "length" : "stop";
    if (Boolean.TRUE.equals(body.get("stream"))) {
      boolean usage =
          body.get("stream_options") instanceof Map<?, ?> options
              && Boolean.TRUE.equals(options.get("include_usage"));
      List<String> events = new ArrayList<>();
      for (String payload :
          OpenAiChunks.payloads(id, created, model, completion, finish, usage, usage)) {
        events.add("data: " + payload + "\n\n");
      }
      events.add("data: [DONE]\n\n");
      return Responses.sse(events);
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", "assistant");
    message.put("content", completion.content());
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("index", 0);
    choice.put("message", message);
    choice.put("finish_reason", finish);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("object", "chat.completion");
    out.put("created", created);
    out.put("model", model);
    out.put("choices", List.of(choice));
    out.put("usage", OpenAiChunks.usage(completion));
    return Responses.json(200, out);
  }

  private static MockResponse models() {
    List<Object> data = new ArrayList<>();
    for (String model : HiveOpsPrices.models()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", model);
      entry.put("object", "model");
      entry.put("created", MODELS_CREATED);
      entry.put("owned_by", "hiveops");
      data.add(entry);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("object", "list");
    out.put("data", data);
    return Responses.json(200, out);
  }

  static Map<String, String> rateHeaders(Store store, @Nullable HiveKeyState key) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (key == null) {
      return headers;
    }
    Instant now = store.now();
    int requests = store.options.hiveOpsRequestsPerWindow();
    int tokens = store.options.hiveOpsTokensPerWindow();
    headers.put("X-RateLimit-Limit-Requests", Integer.toString(requests));
    headers.put(
        "X-RateLimit-Remaining-Requests",
        Long.toString(Math.max(0, requests - key.window.requests(now))));
    headers.put("X-RateLimit-Reset-Requests", key.window.resetsAtSecond(now).toString());
    headers.put("X-RateLimit-Limit-Tokens", Integer.toString(tokens));
    headers.put(
        "X-RateLimit-Remaining-Tokens",
        Long.toString(Math.max(0, tokens - key.window.tokens(now))));
    return headers;
  }
}
