package io.llmgateway.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.core.ObjectMappers;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.openai.internal.CallScope;
import io.llmgateway.openai.internal.CallScopeInterceptor;
import io.llmgateway.openai.internal.ErrorTranslator;
import io.llmgateway.pipeline.AttemptContext;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.stream.StreamAccumulator;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One streaming request of the facade, ready for a loop that does not block: {@link #start} opens
 * one attempt through the OpenAI SDK's async client and reports what arrives to a {@link Listener}.
 * Chunks come as {@code data:} payloads (the SDK's chunk written back as JSON), so sdk-core's
 * {@link StreamAccumulator}, which every stream of the SDK goes through, decides text, usage and
 * whether the stream completed. Everything up to the first chunk is the attempt a loop may retry.
 */
public final class HiveOpsStreamCall {
  /** What one attempt reports, on the OpenAI SDK's stream thread. */
  public interface Listener {
    /** A {@code data:} payload: a chunk, or an error event. */
    void onData(String payload);

    /**
     * The stream ended: normally ({@code null}; whether it completed is the accumulator's call), or
     * with the typed {@link io.llmgateway.error.LlmGatewayException} (anything else is a bug).
     */
    void onEnd(@Nullable Throwable failure);
  }

  private final HiveOpsClient client;
  private final CallScopeInterceptor scopes;
  private final ChatCompletionCreateParams params;
  private final CallOptions options;
  private final String model;

  HiveOpsStreamCall(
      HiveOpsClient client,
      CallScopeInterceptor scopes,
      ChatCompletionCreateParams params,
      CallOptions options,
      String model) {
    this.client = client;
    this.scopes = scopes;
    this.params = params;
    this.options = options;
    this.model = model;
  }

  public Endpoint endpoint() {
    return Endpoint.CHAT_COMPLETIONS_STREAM;
  }

  public CallOptions options() {
    return options;
  }

  /** The gateway model id (after mapping). */
  public String model() {
    return model;
  }

  /** A fresh accumulator for one attempt. */
  public StreamAccumulator newAccumulator() {
    return new StreamAccumulator(client.provider(), client.errors().classifier());
  }

  /** Opens one attempt; events go to {@code listener} on the SDK's stream thread. */
  public Attempt start(AttemptContext ctx, Listener listener) {
    CallScope scope = scopes.open();
    ChatCompletionCreateParams tagged =
        params.toBuilder().putAdditionalHeader(CallScope.HEADER, scope.id()).build();
    AsyncStreamResponse<ChatCompletionChunk> response;
    try {
      response = client.sdk().async().chat().completions().createStreaming(tagged, options(ctx));
    } catch (RuntimeException e) {
      scope.close();
      listener.onEnd(failure(e, scope));
      return new Attempt(ctx, scope, null);
    }
    response.subscribe(
        new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
          @Override
          public void onNext(ChatCompletionChunk chunk) {
            listener.onData(json(chunk));
          }

          @Override
          public void onComplete(Optional<Throwable> error) {
            scope.close();
            Throwable e = error.map(HiveOpsCall::unwrap).orElse(null);
            if (e instanceof SseException) {
              listener.onData(ErrorTranslator.eventPayload((SseException) e));
              listener.onEnd(null);
            } else {
              listener.onEnd(e == null ? null : failure(e, scope));
            }
          }
        });
    return new Attempt(ctx, scope, response);
  }

  /**
   * Our idle and total timers decide when a stream is too slow; OkHttp's read timeout (the whole
   * budget for one read, as for the job client's streams) is only a backstop, and there is no call
   * timeout that could cut a stream that is still flowing.
   */
  private static RequestOptions options(AttemptContext ctx) {
    return RequestOptions.builder()
        .timeout(
            Timeout.builder()
                .read(ctx.timeout())
                .write(ctx.timeout())
                .request(Duration.ZERO)
                .build())
        .build();
  }

  private Throwable failure(Throwable error, CallScope scope) {
    try {
      return HiveOpsCall.fail(client, error, scope);
    } catch (RuntimeException typed) {
      return typed;
    }
  }

  private static String json(ChatCompletionChunk chunk) {
    try {
      return ObjectMappers.jsonMapper().writeValueAsString(chunk);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One running attempt. */
  public final class Attempt {
    private final AttemptContext ctx;
    private final CallScope scope;
    private final @Nullable AsyncStreamResponse<ChatCompletionChunk> response;

    private Attempt(
        AttemptContext ctx,
        CallScope scope,
        @Nullable AsyncStreamResponse<ChatCompletionChunk> response) {
      this.ctx = ctx;
      this.scope = scope;
      this.response = response;
    }

    /** Stops the attempt and cancels its HTTP call. Safe to call again, and after the end. */
    public void cancel() {
      scope.cancel();
      if (response != null) {
        response.close();
      }
    }

    /**
     * What a completed stream delivered, priced, with the rate-limit headers it opened with; its
     * usage corrects the throttle's estimate. Call once the accumulator says it is complete.
     */
    public StreamResult result(StreamAccumulator accumulator) {
      TokenUsage usage = accumulator.usage();
      if (usage != null) {
        ctx.recordUsage(usage.totalTokens());
      }
      String finish = accumulator.finishReason();
      return new StreamResult(
          accumulator.text(),
          model,
          accumulator.chunks(),
          finish == null ? "" : finish,
          usage,
          client.costOf(model, usage),
          client.snapshot(scope.capture()));
    }
  }

  @Override
  public String toString() {
    return "HiveOpsStreamCall{" + model + "}";
  }
}
