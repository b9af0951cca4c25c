package io.llmgateway.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.JsonField;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.openai.MaxTokensGuard;
import io.llmgateway.openai.ModelMapping;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;
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
 *
 * <p>The facade's chat calls apply the same rules to their params before the SDK serialises them
 * ({@link #prepare}) and mark the attempt ({@link ResponseCapture#markRequestPrepared()}): their
 * bodies pass untouched, instead of being parsed and written again.
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
    Request.Builder out = null;
    Headers headers = request.headers();
    for (int i = 0, n = headers.size(); i < n; i++) {
      String name = headers.name(i);
      // Telemetry off whatever the SDK version sends: nothing about the caller's runtime leaks.
      if (name.regionMatches(true, 0, "x-stainless", 0, 11)) {
        out = out != null ? out : request.newBuilder();
        out.removeHeader(name);
      }
    }
    RequestBody body = request.body();
    if ("POST".equals(request.method())
        && body != null
        && request.url().encodedPath().endsWith("/chat/completions")
        && !preparedByFacade()) {
      byte[] rewritten = rewrite(body);
      if (rewritten != null) {
        MediaType type = body.contentType();
        out = out != null ? out : request.newBuilder();
        out.method("POST", RequestBody.create(rewritten, type != null ? type : APPLICATION_JSON));
      }
    }
    return chain.proceed(out != null ? out.build() : request);
  }

  /**
   * {@code params} with this interceptor's rules applied (model mapped, max_tokens guarded), for a
   * facade chat call; {@code params} itself when nothing changes. Null when only the wire rewrite
   * gives the exact result: the params carry additional body properties (which may set any field),
   * or a model or token field that is not a plain value.
   */
  public @Nullable ChatCompletionCreateParams prepare(ChatCompletionCreateParams params) {
    Optional<ChatModel> model = params._model().asKnown();
    JsonField<Long> max = params._maxTokens();
    JsonField<Long> completion = params._maxCompletionTokens();
    if (!params._additionalBodyProperties().isEmpty()
        || model.isEmpty()
        || !isPlain(max)
        || !isPlain(completion)) {
      return null;
    }
    ChatCompletionCreateParams.Builder b = null;
    String name = model.get().asString();
    String mapped = mapping.map(name);
    if (!mapped.equals(name)) {
      b = params.toBuilder().model(mapped);
    }
    if (maxTokens.defaultMaxTokens() != 0 || maxTokens.cap() != 0) {
      Long requested = max.asKnown().orElse(null);
      Long asked = completion.asKnown().orElse(null);
      if (asked != null && maxTokens.apply(asked) != asked) {
        b = (b != null ? b : params.toBuilder()).maxCompletionTokens(maxTokens.apply(asked));
      }
      if (requested == null && asked != null) {
        requested = asked; // HiveOps documents max_tokens only: send the caller's limit there
      }
      long value = maxTokens.apply(requested);
      if (value > 0 && !Objects.equals(max.asKnown().orElse(null), value)) {
        b = (b != null ? b : params.toBuilder()).maxTokens(value);
      }
    }
    return b != null ? b.build() : params;
  }

  private static boolean isPlain(JsonField<Long> field) {
    return field.isMissing() || field.asKnown().isPresent();
  }

  // A facade attempt whose params went through prepare(): its body is already what we would send.
  private static boolean preparedByFacade() {
    ResponseCapture capture = ResponseCapture.current();
    return capture != null && capture.requestPrepared();
  }

  /** The rewritten body, or null to send it unchanged (not a JSON object, or nothing to change). */
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
    boolean changed = false;
    JsonNode model = o.get("model");
    if (model != null && model.isTextual()) {
      String mapped = mapping.map(model.asText());
      if (!mapped.equals(model.asText())) {
        o.put("model", mapped);
        changed = true;
      }
    }
    changed |= guardMaxTokens(o);
    if (o.path("stream").asBoolean(false) && !o.has("stream_options")) {
      o.putObject("stream_options").put("include_usage", true);
      changed = true;
    }
    return changed ? JSON.writeValueAsBytes(o) : null;
  }

  /** Applies the guard; true when the body changed. */
  private boolean guardMaxTokens(ObjectNode o) {
    if (maxTokens.defaultMaxTokens() == 0 && maxTokens.cap() == 0) {
      return false;
    }
    JsonNode before = o.get("max_tokens");
    Long requested = number(before);
    Long completion = number(o.get("max_completion_tokens"));
    boolean changed = false;
    if (completion != null && maxTokens.apply(completion) != completion) {
      o.put("max_completion_tokens", maxTokens.apply(completion));
      changed = true;
    }
    if (requested == null && completion != null) {
      requested = completion; // HiveOps documents max_tokens only: send the caller's limit there
    }
    long value = maxTokens.apply(requested);
    if (value > 0 && !(before != null && before.isIntegralNumber() && before.asLong() == value)) {
      o.put("max_tokens", value);
      changed = true;
    }
    return changed;
  }

  private static @Nullable Long number(@Nullable JsonNode node) {
    return node != null && node.canConvertToLong() && node.isNumber() ? node.asLong() : null;
  }
}
