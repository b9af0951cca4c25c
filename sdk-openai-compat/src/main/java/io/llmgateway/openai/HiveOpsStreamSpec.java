package io.llmgateway.openai;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.Provider;
import io.llmgateway.internal.call.AttemptContext;
import io.llmgateway.internal.call.StreamSpec;
import io.llmgateway.internal.stream.StreamAccumulator;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.stream.StreamResult;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A facade stream: the SDK's params sent with {@code stream: true} (and a usage chunk asked for),
 * read by the SDK's own SSE reading and chunk parser, not the OpenAI SDK's stream.
 */
final class HiveOpsStreamSpec implements StreamSpec {
  private final HiveOpsRequests requests;
  private final ChatCompletionCreateParams params;
  private volatile @org.jspecify.annotations.Nullable RequestBody body;
  private final String model;
  private final Provider provider;
  private final ErrorClassifier classifier;
  private final Pricing pricing;

  HiveOpsStreamSpec(
      HiveOpsRequests requests,
      ChatCompletionCreateParams params,
      String model,
      Provider provider,
      ErrorClassifier classifier,
      Pricing pricing) {
    this.requests = requests;
    this.params = params;
    this.model = model;
    this.provider = provider;
    this.classifier = classifier;
    this.pricing = pricing;
  }

  @Override
  public Request request(AttemptContext ctx) {
    RequestBody b = body;
    if (b == null) {
      // Written in the first attempt, where params the SDK cannot write fail like any error.
      b = requests.chatBody(params, true);
      body = b;
    }
    return requests.chat(ctx, params, b, true);
  }

  @Override
  public StreamAccumulator newAccumulator() {
    return new StreamAccumulator(provider, classifier);
  }

  @Override
  public StreamResult result(
      StreamAccumulator completed, AttemptContext ctx, RateLimitSnapshot rateLimit) {
    TokenUsage usage = completed.usage();
    return new StreamResult(
        completed.text(),
        model,
        completed.chunks(),
        completed.finishReason(),
        usage,
        pricing.costOf(model, usage),
        rateLimit,
        ctx.requestId());
  }
}
