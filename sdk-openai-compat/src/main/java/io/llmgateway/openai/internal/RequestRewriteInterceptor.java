package io.llmgateway.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgateway.openai.MaxTokensGuard;
import io.llmgateway.openai.ModelMapping;
import java.io.IOException;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites every chat request on the wire, so the drop-in {@code OpenAIClient} and the facade get
 * the same treatment: the model name is mapped, the {@code max_tokens} guard applied, streams ask
 * for a usage chunk, and the OpenAI SDK's {@code X-Stainless-*} telemetry headers never leave.
 */
public final class RequestRewriteInterceptor implements Interceptor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

  private final ModelMapping mapping;
  private final MaxTokensGuard maxTokens;

  public RequestRewriteInterceptor(ModelMapping mapping, MaxTokensGuard maxTokens) {
    this.mapping = mapping;
    this.maxTokens = maxTokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder out = request.newBuilder();
    for (String name : request.headers().names()) {
      // Telemetry off whatever the SDK version sends: nothing about the caller's runtime leaks.
      if (name.toLowerCase(Locale.ROOT).startsWith("x-stainless")) {
        out.removeHeader(name);
      }
    }
    RequestBody body = request.body();
    if ("POST".equals(request.method())
        && body != null
        && request.url().encodedPath().endsWith("/chat/completions")) {
      byte[] rewritten = rewrite(body);
      if (rewritten != null) {
        MediaType type = body.contentType();
        out.method("POST", RequestBody.create(rewritten, type != null ? type : APPLICATION_JSON));
      }
    }
    return chain.proceed(out.build());
  }

  /** The rewritten body, or null to send it unchanged (not a JSON object). */
  private byte @Nullable [] rewrite(RequestBody body) throws IOException {
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    JsonNode root;
    try {
      root = JSON.readTree(buffer.readByteArray());
    } catch (IOException e) {
      return null; // not ours to fix: the gateway answers malformed JSON with a 400
    }
    if (!(root instanceof ObjectNode)) {
      return null;
    }
    ObjectNode o = (ObjectNode) root;
    JsonNode model = o.get("model");
    if (model != null && model.isTextual()) {
      o.put("model", mapping.map(model.asText()));
    }
    guardMaxTokens(o);
    if (o.path("stream").asBoolean(false) && !o.has("stream_options")) {
      o.putObject("stream_options").put("include_usage", true);
    }
    return JSON.writeValueAsBytes(o);
  }

  private void guardMaxTokens(ObjectNode o) {
    if (maxTokens.defaultMaxTokens() == 0 && maxTokens.cap() == 0) {
      return;
    }
    Long requested = number(o.get("max_tokens"));
    Long completion = number(o.get("max_completion_tokens"));
    if (completion != null) {
      o.put("max_completion_tokens", maxTokens.apply(completion));
    }
    if (requested == null && completion != null) {
      requested = completion; // HiveOps documents max_tokens only: send the caller's limit there
    }
    long value = maxTokens.apply(requested);
    if (value > 0) {
      o.put("max_tokens", value);
    }
  }

  private static @Nullable Long number(@Nullable JsonNode node) {
    return node != null && node.canConvertToLong() && node.isNumber() ? node.asLong() : null;
  }
}
