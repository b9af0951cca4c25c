package io.llmgateway.openai;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.internal.call.ChainedCall;
import io.llmgateway.internal.call.GatewayCall;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The gateway's {@code /models} list, cached with a TTL, one per client. Thread-safe. */
final class ModelCatalog {
  private final Supplier<GatewayCall<List<String>>> fetch;
  private final Duration ttl;
  private final Clock clock;
  private final Sleeper sleeper;
  private @Nullable List<String> models;
  private @Nullable Instant fetchedAt;

  ModelCatalog(
      Supplier<GatewayCall<List<String>>> fetch, Duration ttl, Clock clock, Sleeper sleeper) {
    this.fetch = fetch;
    this.ttl = ttl;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** The cached list, else one {@code /models} request. */
  GatewayCall<List<String>> models() {
    return new ChainedCall<>(
        Endpoint.MODELS,
        sleeper,
        chain -> {
          List<String> cached = cached();
          if (cached != null) {
            return CompletableFuture.completedFuture(cached);
          }
          return chain.send(fetch.get()).thenApply(this::remember);
        });
  }

  private synchronized @Nullable List<String> cached() {
    return models != null && fetchedAt != null && clock.instant().isBefore(fetchedAt.plus(ttl))
        ? models
        : null;
  }

  private synchronized List<String> remember(List<String> ids) {
    models = ids;
    fetchedAt = clock.instant();
    return ids;
  }

  /** The list, or empty when it cannot be fetched (for error messages). Blocking. */
  List<String> modelsQuietly() {
    try {
      return models().execute();
    } catch (LlmGatewayException e) {
      return List.of();
    }
  }
}
