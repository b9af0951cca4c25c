package io.llmgateway.metrics;

import io.llmgateway.cost.Cost;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An answer said what it used: the model that answered, its tokens and their cost. Told before the
 * call's {@link CallFinished} (for a stream, with its {@link StreamEnded}).
 */
public final class UsageReported extends CallEvent {
  private final String requestId;
  private final String model;
  private final @Nullable TokenUsage usage;
  private final Cost cost;

  public UsageReported(
      Provider provider,
      Endpoint endpoint,
      Instant time,
      String requestId,
      String model,
      @Nullable TokenUsage usage,
      Cost cost) {
    super(provider, endpoint, time);
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.model = Objects.requireNonNull(model, "model");
    this.usage = usage;
    this.cost = Objects.requireNonNull(cost, "cost");
  }

  public String requestId() {
    return requestId;
  }

  /** The model that answered (the gateway's id), or the one asked for when the answer had none. */
  public String model() {
    return model;
  }

  /** The tokens used, or null when the answer did not say. */
  public @Nullable TokenUsage usage() {
    return usage;
  }

  /** USD, unknown without usage or a price; never zero for want of one. */
  public Cost cost() {
    return cost;
  }

  @Override
  public String toString() {
    return "UsageReported{"
        + head()
        + ", requestId="
        + requestId
        + ", model="
        + model
        + ", usage="
        + usage
        + ", cost="
        + cost
        + "}";
  }
}
