package io.llmgateway.openai;

import com.openai.core.http.Headers;
import com.openai.core.http.QueryParams;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.internal.call.AttemptContext;
import io.llmgateway.internal.call.CallContext;
import io.llmgateway.openai.internal.ChatBodies;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The facade's requests, built here rather than by the OpenAI SDK: the SDK's params give the body
 * (serialised as the SDK does, with the facade's rules applied), the extra headers and query
 * parameters; the facade adds the key and the client request id.
 */
final class HiveOpsRequests {
  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpUrl baseUrl;
  private final String authorization;
  private final ChatBodies bodies;

  HiveOpsRequests(HttpUrl baseUrl, String key, ChatBodies bodies) {
    this.baseUrl = baseUrl;
    this.authorization = "Bearer " + key;
    this.bodies = bodies;
  }

  ChatBodies bodies() {
    return bodies;
  }

  /** {@code POST chat/completions}; {@code body} from {@link ChatBodies#write}. */
  Request chat(
      AttemptContext ctx, ChatCompletionCreateParams params, RequestBody body, boolean stream) {
    HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments("chat/completions");
    QueryParams query = params._additionalQueryParams();
    for (String name : query.keys()) {
      for (String value : query.values(name)) {
        url.addQueryParameter(name, value);
      }
    }
    Request.Builder b = base(ctx, url.build());
    Headers extra = params._additionalHeaders();
    for (String name : extra.names()) {
      for (String value : extra.values(name)) {
        b.header(name, value);
      }
    }
    if (stream) {
      b.header("Accept", "text/event-stream");
    }
    return b.post(body).build();
  }

  /** A chat body, written once per call and sent by each of its attempts. */
  RequestBody chatBody(ChatCompletionCreateParams params, boolean stream) {
    return RequestBody.create(bodies.write(params, stream), JSON);
  }

  /** {@code GET models}. */
  Request models(AttemptContext ctx) {
    return base(ctx, baseUrl.newBuilder().addPathSegment("models").build()).get().build();
  }

  private Request.Builder base(AttemptContext ctx, HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", authorization)
        .header(CallContext.REQUEST_ID_HEADER, ctx.requestId());
  }
}
