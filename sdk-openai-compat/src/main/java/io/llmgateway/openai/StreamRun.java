package io.llmgateway.openai;

import com.openai.core.ObjectMappers;
import com.openai.core.http.StreamResponse;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.StreamInterruptedException;
import io.llmgateway.openai.internal.ResponseCapture;
import io.llmgateway.pipeline.AttemptContext;
import java.util.Iterator;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at a stream. The OpenAI SDK reports a connection cut mid-stream as a normal end, so
 * completion is decided here: only a finish reason makes a stream complete; anything else that ends
 * is an interruption carrying the text that arrived.
 */
final class StreamRun {
  private final HiveOpsClient client;
  private final AttemptContext ctx;
  private final String model;
  private final StringBuilder text = new StringBuilder();
  private int chunks;
  private @Nullable String finishReason;
  private @Nullable TokenUsage usage;

  StreamRun(HiveOpsClient client, AttemptContext ctx, String model) {
    this.client = client;
    this.ctx = ctx;
    this.model = model;
  }

  StreamResult run(ChatCompletionCreateParams params, Consumer<String> onDelta) {
    try (ResponseCapture capture = ResponseCapture.open()) {
      StreamResponse<ChatCompletionChunk> response;
      try {
        response =
            client
                .sdk()
                .chat()
                .completions()
                .createStreaming(params, HiveOpsClient.requestOptions(ctx));
      } catch (RuntimeException e) {
        throw client.errors().translate(e, capture);
      }
      try (response) {
        Iterator<ChatCompletionChunk> it = response.stream().iterator();
        while (true) {
          ChatCompletionChunk chunk;
          try {
            if (!it.hasNext()) {
              break;
            }
            chunk = it.next();
          } catch (SseException e) {
            throw client
                .errors()
                .classifier()
                .classifyStreamEvent(client.provider(), payload(e), text.toString(), chunks);
          } catch (RuntimeException e) {
            if (chunks == 0) {
              throw client.errors().translate(e, capture); // nothing arrived: retryable as usual
            }
            throw interrupted("stream broke", capture, e);
          }
          accept(chunk, onDelta);
        }
      }
      if (finishReason == null) {
        throw interrupted("stream ended without a finish reason or [DONE]", capture, null);
      }
      if (usage != null) {
        ctx.recordUsage(usage.totalTokens());
      }
      return new StreamResult(
          text.toString(),
          model,
          chunks,
          finishReason,
          usage,
          client.costOf(model, usage),
          client.snapshot(capture));
    }
  }

  private void accept(ChatCompletionChunk chunk, Consumer<String> onDelta) {
    chunks++;
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      String delta = choice.delta().content().orElse("");
      if (!delta.isEmpty()) {
        text.append(delta);
        onDelta.accept(delta);
      }
      choice.finishReason().ifPresent(f -> finishReason = f.asString());
    }
    chunk.usage().ifPresent(u -> usage = HiveOpsClient.usage(u));
  }

  private LlmGatewayException interrupted(
      String reason, ResponseCapture capture, @Nullable Throwable cause) {
    ErrorDetails details =
        ErrorDetails.builder(client.provider())
            .status(200)
            .rateLimit(client.snapshot(capture))
            .requestId(ctx.requestId())
            .build();
    return new StreamInterruptedException(
        reason
            + " after "
            + chunks
            + " chunks, "
            + text.length()
            + " chars kept ["
            + client.provider().id()
            + "]",
        details,
        text.toString(),
        chunks,
        finishReason,
        cause);
  }

  static String payload(SseException e) {
    try {
      return "{\"error\":" + ObjectMappers.jsonMapper().writeValueAsString(e.body()) + "}";
    } catch (Exception ignored) {
      return "{\"error\":\"" + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}";
    }
  }
}
