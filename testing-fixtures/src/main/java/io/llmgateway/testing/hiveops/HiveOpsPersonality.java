package io.llmgateway.testing.hiveops;

import io.llmgateway.testing.internal.HiveKeyState;
import io.llmgateway.testing.internal.HttpError;
import io.llmgateway.testing.internal.Req;
import io.llmgateway.testing.internal.Store;
import java.time.Instant;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * The HiveOps API, OpenAI-compatible: chat completions, the model list and one model, with and
 * without {@code /v1}; any other path is OpenAI's 404. Order of checks: path (404/405), key (401),
 * then for chat the rate window (429), body (400), model, balance; then the call is charged.
 * Listing models does not count against the window. Every answer for a known key carries the {@code
 * X-RateLimit-*} headers of its window.
 */
public final class HiveOpsPersonality {
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
      RateHeaders.apply(response, store, key[0]);
    }
    return response;
  }

  private static MockResponse route(Store store, Req req, @Nullable HiveKeyState[] key) {
    String path = req.path.startsWith("/v1/") ? req.path.substring(3) : req.path;
    String modelId = path.startsWith("/models/") ? path.substring("/models/".length()) : null;
    boolean chat = path.equals("/chat/completions");
    boolean models = path.equals("/models");
    if (modelId != null && (modelId.isEmpty() || modelId.contains("/"))) {
      modelId = null;
    }
    if (!chat && !models && modelId == null) {
      throw HiveOpsErrors.invalidUrl(req.method, req.path);
    }
    if (!req.method.equals(chat ? "POST" : "GET")) {
      throw HiveOpsErrors.methodNotAllowed(req.method, req.path);
    }
    HiveKeyState found = authenticate(store, req);
    key[0] = found;
    if (models) {
      return ModelsEndpoint.list();
    }
    if (modelId != null) {
      return ModelsEndpoint.retrieve(modelId);
    }
    admit(store, found);
    return ChatCompletions.handle(store, req, found);
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

  /** The per-key fixed window for chat: a rejected request does not count against it. */
  private static void admit(Store store, HiveKeyState key) {
    Instant now = store.now();
    if (key.window.requests(now) >= store.options.hiveOpsRequestsPerWindow()
        || key.window.tokens(now) >= store.options.hiveOpsTokensPerWindow()) {
      HttpError limited = HiveOpsErrors.rateLimited();
      RateHeaders.retryAfter(limited.response(), now, key.window.resetsAt(now));
      throw limited;
    }
    key.window.addRequest(now);
    key.totalRequests++;
  }
}
