package io.llmgateway.jobs;

import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.http.HeaderLookup;
import io.llmgateway.pipeline.AttemptContext;
import io.llmgateway.pipeline.CallContext;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.stream.StreamAccumulator;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.jspecify.annotations.Nullable;

/**
 * One streaming request of the job client, ready for any loop: {@link #start} opens an attempt with
 * okhttp-sse (which frames events and skips comments such as {@code : keepalive}); the payloads go
 * through a {@link StreamAccumulator} from {@link #newAccumulator()}. Everything up to the first
 * chunk is the attempt that a loop may retry; after it, never.
 */
public final class StreamCall {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final SaasLiteLlmClient client;
  private final Endpoint endpoint;
  private final String path;
  private final String json;
  private final CallOptions options;

  StreamCall(
      SaasLiteLlmClient client, Endpoint endpoint, String path, String json, CallOptions options) {
    this.client = client;
    this.endpoint = endpoint;
    this.path = path;
    this.json = json;
    this.options = options;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public CallOptions options() {
    return options;
  }

  /** The longest gap allowed between chunks once the stream has started. */
  public Duration idleTimeout() {
    return client.config.streamIdleTimeout;
  }

  /** Opens one attempt; events go to {@code listener} on OkHttp's threads. */
  public EventSource start(AttemptContext ctx, EventSourceListener listener) {
    // The wait for the first byte may be as long as the stream's budget: the real server sends
    // nothing until the model has finished.
    OkHttpClient http =
        client.http.newBuilder().readTimeout(ctx.timeout()).callTimeout(Duration.ZERO).build();
    Request request =
        new Request.Builder()
            .url(client.baseUrl.resolve(path))
            .header(CallContext.REQUEST_ID_HEADER, ctx.requestId())
            .header("Accept", "text/event-stream")
            .post(RequestBody.create(json, JSON))
            .build();
    return EventSources.createFactory(http).newEventSource(request, listener);
  }

  /** A fresh accumulator for one attempt. */
  public StreamAccumulator newAccumulator() {
    return new StreamAccumulator(Provider.SAAS_LITELLM, client.classifier);
  }

  /** Reports the opened stream's rate-limit headers to the throttle. */
  public void opened(AttemptContext ctx, Response response) {
    RateLimitSnapshot snapshot =
        RateLimitSnapshot.parse(HeaderLookup.of(response.headers()), client.config.clock.instant());
    if (!snapshot.isEmpty()) {
      ctx.observe(snapshot);
    }
  }

  /** The typed error for okhttp-sse's {@code onFailure}. */
  public LlmGatewayException failure(@Nullable Throwable failure, @Nullable Response response) {
    if (response != null && !response.isSuccessful()) {
      return client.classifier.classify(Provider.SAAS_LITELLM, response);
    }
    if (response != null && failure instanceof IllegalStateException) {
      // okhttp-sse refuses a 200 that is not text/event-stream.
      return new UnexpectedResponseException(
          "HTTP "
              + response.code()
              + " stream answered with "
              + response.header("Content-Type")
              + " [saas-litellm]",
          ErrorDetails.builder(Provider.SAAS_LITELLM).status(response.code()).build(),
          failure);
    }
    return client.classifier.classify(
        Provider.SAAS_LITELLM, failure != null ? failure : new IOException("stream failed"));
  }

  /** The typed error when no chunk arrived within the attempt's time. */
  public LlmGatewayException firstChunkTimeout() {
    return client.classifier.classify(
        Provider.SAAS_LITELLM,
        new java.net.SocketTimeoutException("timeout before the first chunk"));
  }

  @Override
  public String toString() {
    return "StreamCall{" + endpoint + "}";
  }
}
