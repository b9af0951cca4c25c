package io.llmgateway.openai;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.stream.StreamHandler;
import io.llmgateway.stream.StreamResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The HiveOps facade as futures: the same calls as the blocking {@link HiveOpsClient} (mapping,
 * balance guard, retries, pricing, typed errors), holding no thread while they wait. A future fails
 * with the same {@link io.llmgateway.error.LlmGatewayException} the blocking call throws;
 * cancelling it cancels the call. Get one with {@link HiveOpsClient#async()}.
 */
public final class HiveOpsAsyncClient {
  private final HiveOpsCalls calls;

  HiveOpsAsyncClient(HiveOpsCalls calls) {
    this.calls = calls;
  }

  /** One chat completion, retried, throttled and priced. */
  public CompletableFuture<ChatResult> chat(ChatCompletionCreateParams params) {
    return chat(params, CallOptions.defaults());
  }

  public CompletableFuture<ChatResult> chat(
      ChatCompletionCreateParams params, CallOptions options) {
    return calls.chat(params, options).future();
  }

  /**
   * Streams one chat completion, each chunk to {@code handler} as it arrives (on the reading
   * thread); completes with the stream's result, or fails as the blocking {@code stream} throws.
   */
  public CompletableFuture<StreamResult> stream(
      ChatCompletionCreateParams params, StreamHandler handler) {
    return stream(params, CallOptions.defaults(), handler);
  }

  public CompletableFuture<StreamResult> stream(
      ChatCompletionCreateParams params, CallOptions options, StreamHandler handler) {
    return calls.stream(params, options).streamed(handler::onChunk);
  }

  /**
   * The guide's balance probe, cached for the TTL, one probe at a time. Never fails for an answer.
   */
  public CompletableFuture<BalanceCheck> checkBalance() {
    return calls.checkBalance().future();
  }

  /** Model ids the gateway accepts, from {@code /models}, cached for the TTL. */
  public CompletableFuture<List<String>> models() {
    return calls.models().future();
  }
}
