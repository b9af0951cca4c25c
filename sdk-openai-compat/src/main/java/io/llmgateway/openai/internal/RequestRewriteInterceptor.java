package io.llmgateway.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites the drop-in {@code OpenAIClient}'s chat requests on the wire with the facade's rules
 * ({@link ChatBodies}: model mapped, {@code max_tokens} guarded, streams ask for usage), tells the
 * pipeline which are streams ({@link DropInRequest}), and keeps the OpenAI SDK's {@code
 * X-Stainless-*} telemetry headers from leaving.
 */
public final class RequestRewriteInterceptor implements Interceptor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

  private final ChatBodies rules;

  public RequestRewriteInterceptor(ChatBodies rules) {
    this.rules = rules;
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
        && request.url().encodedPath().endsWith("/chat/completions")) {
      ObjectNode root = parse(body);
      if (root != null) {
        out = out != null ? out : request.newBuilder();
        boolean changed = rules.apply(root);
        out.tag(
            DropInRequest.class,
            new DropInRequest(root.path("stream").asBoolean(false), root.path("model").asText("")));
        if (changed) {
          MediaType type = body.contentType();
          out.method(
              "POST",
              RequestBody.create(
                  JSON.writeValueAsBytes(root), type != null ? type : APPLICATION_JSON));
        }
      }
    }
    return chain.proceed(out != null ? out.build() : request);
  }

  /** The body as a JSON object, or null when it is not one (the gateway answers it with a 400). */
  private static @Nullable ObjectNode parse(RequestBody body) throws IOException {
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    JsonNode root;
    try {
      root = JSON.readTree(buffer.readByteArray());
    } catch (IOException e) {
      return null;
    }
    return root instanceof ObjectNode ? (ObjectNode) root : null;
  }
}
