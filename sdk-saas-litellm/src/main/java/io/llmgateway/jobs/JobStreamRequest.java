package io.llmgateway.jobs;

import io.llmgateway.cost.Cost;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.Provider;
import io.llmgateway.internal.call.AttemptContext;
import io.llmgateway.internal.call.StreamSpec;
import io.llmgateway.internal.stream.StreamAccumulator;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.stream.StreamResult;
import java.util.function.Function;
import okhttp3.Request;

/** A job-client stream: its request, and its result priced with the client's price table. */
final class JobStreamRequest implements StreamSpec {
  private final Function<String, Request> request;
  private final String model;
  private final ErrorClassifier classifier;
  private final PriceTable prices;

  JobStreamRequest(
      Function<String, Request> request,
      String model,
      ErrorClassifier classifier,
      PriceTable prices) {
    this.request = request;
    this.model = model;
    this.classifier = classifier;
    this.prices = prices;
  }

  @Override
  public Request request(AttemptContext ctx) {
    return request.apply(ctx.requestId());
  }

  @Override
  public StreamAccumulator newAccumulator() {
    return new StreamAccumulator(Provider.SAAS_LITELLM, classifier);
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
        usage == null ? Cost.UNKNOWN : prices.costOf(model, usage),
        rateLimit,
        ctx.requestId());
  }
}
