package io.llmgateway.jobs;

import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.StreamInterruptedException;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.http.HeaderLookup;
import io.llmgateway.pipeline.AttemptContext;
import io.llmgateway.pipeline.CallContext;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.retry.RetryPolicy;
import io.llmgateway.stream.StreamAccumulator;
import io.llmgateway.stream.StreamChunk;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSources;
import org.jspecify.annotations.Nullable;

/**
 * Opens a stream through the pipeline. Everything up to the first chunk is one attempt, retried as
 * the policy says; once a chunk arrived the stream belongs to the caller and is never retried (a
 * repeat would call, and bill, the model again).
 */
final class StreamOpener {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final SaasLiteLlmClient client;

  StreamOpener(SaasLiteLlmClient client) {
    this.client = client;
  }

  CallStream open(
      Endpoint endpoint,
      String path,
      Map<String, Object> body,
      LlmCallRequest request,
      boolean chargesOnSuccess) {
    String json = JsonAdapters.MOSHI.adapter(Object.class).toJson(body);
    RetryPolicy base = client.config.retryPolicy;
    CallOptions options =
        CallOptions.builder()
            .requestBytes(request.textLength())
            .retryPolicy(chargesOnSuccess ? NonIdempotentRetries.of(base) : base)
            .build();
    return client.executor.execute(endpoint, options, ctx -> attempt(ctx, path, json));
  }

  private CallStream attempt(AttemptContext ctx, String path, String json) {
    Duration total = ctx.timeout();
    Duration idle = client.config.streamIdleTimeout;
    OkHttpClient http =
        client.http.newBuilder().readTimeout(total).callTimeout(Duration.ZERO).build();
    Request httpRequest =
        new Request.Builder()
            .url(client.baseUrl.resolve(path))
            .header(CallContext.REQUEST_ID_HEADER, ctx.requestId())
            .header("Accept", "text/event-stream")
            .post(RequestBody.create(json, JSON))
            .build();
    SseQueue queue = new SseQueue();
    EventSource source = EventSources.createFactory(http).newEventSource(httpRequest, queue);
    Instant deadline = client.config.clock.instant().plus(total);
    StreamAccumulator accumulator = new StreamAccumulator(Provider.SAAS_LITELLM, client.classifier);
    try {
      StreamChunk first = awaitFirstChunk(ctx, queue, accumulator, deadline);
      return new CallStream(
          source,
          queue,
          accumulator,
          client.classifier,
          client.config.clock,
          idle,
          deadline,
          first);
    } catch (RuntimeException e) {
      source.cancel();
      throw e;
    }
  }

  private StreamChunk awaitFirstChunk(
      AttemptContext ctx, SseQueue queue, StreamAccumulator accumulator, Instant deadline) {
    while (true) {
      Duration left = Duration.between(client.config.clock.instant(), deadline);
      SseQueue.Item item;
      try {
        item = left.isNegative() || left.isZero() ? null : queue.poll(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CallInterruptedException(ctx.requestId(), e);
      }
      if (item == null) {
        throw client.classifier.classify(
            Provider.SAAS_LITELLM,
            new java.net.SocketTimeoutException("timeout before the first chunk"));
      }
      switch (item.kind) {
        case OPEN:
          observe(ctx, item.response);
          break;
        case DATA:
          StreamChunk chunk = accumulator.accept(item.data == null ? "" : item.data);
          if (chunk != null) {
            return chunk;
          }
          if (accumulator.sawDone()) {
            throw emptyEnd(accumulator);
          }
          break;
        case FAILURE:
          throw failure(item);
        case CLOSED:
          throw emptyEnd(accumulator);
        default:
          break;
      }
    }
  }

  private void observe(AttemptContext ctx, @Nullable Response response) {
    if (response != null) {
      RateLimitSnapshot snapshot =
          RateLimitSnapshot.parse(
              HeaderLookup.of(response.headers()), client.config.clock.instant());
      if (!snapshot.isEmpty()) {
        ctx.observe(snapshot);
      }
    }
  }

  private LlmGatewayException failure(SseQueue.Item item) {
    Response response = item.response;
    if (response != null && !response.isSuccessful()) {
      return client.classifier.classify(Provider.SAAS_LITELLM, response);
    }
    if (response != null && item.failure instanceof IllegalStateException) {
      // okhttp-sse refuses a 200 that is not text/event-stream.
      return new UnexpectedResponseException(
          "HTTP "
              + response.code()
              + " stream answered with "
              + response.header("Content-Type")
              + " [saas-litellm]",
          ErrorDetails.builder(Provider.SAAS_LITELLM).status(response.code()).build(),
          item.failure);
    }
    Throwable t = item.failure != null ? item.failure : new java.io.IOException("stream failed");
    return client.classifier.classify(Provider.SAAS_LITELLM, t);
  }

  private static StreamInterruptedException emptyEnd(StreamAccumulator accumulator) {
    return accumulator.interrupted("stream ended before any chunk", null);
  }
}
