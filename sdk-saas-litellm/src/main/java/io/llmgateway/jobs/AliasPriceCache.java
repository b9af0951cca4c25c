package io.llmgateway.jobs;

import io.llmgateway.cost.ModelPrice;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.internal.call.ChainedCall;
import io.llmgateway.internal.call.GatewayCall;
import io.llmgateway.pipeline.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The team's alias prices from {@code GET /api/models}, kept for {@code maxAge}, so the cost ledger
 * can price calls by alias. A failed load keeps the last good table (or none): prices are a cost
 * estimate, never a reason to fail a job. Thread-safe.
 */
final class AliasPriceCache {
  private final JobCalls calls;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration maxAge;
  private @Nullable PriceTable table;
  private @Nullable Instant loadedAt;

  AliasPriceCache(JobCalls calls, Sleeper sleeper, Clock clock, Duration maxAge) {
    this.calls = calls;
    this.sleeper = sleeper;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  /** The cached prices, loaded first when missing or older than {@code maxAge}. */
  GatewayCall<PriceTable> get() {
    return new ChainedCall<>(
        JobCalls.MODEL_ALIASES,
        sleeper,
        chain -> {
          PriceTable fresh = fresh();
          if (fresh != null) {
            return CompletableFuture.completedFuture(fresh);
          }
          return chain.send(calls.models()).handle((aliases, error) -> loaded(aliases));
        });
  }

  private synchronized @Nullable PriceTable fresh() {
    Instant at = loadedAt;
    return at != null && clock.instant().isBefore(at.plus(maxAge)) ? table : null;
  }

  private synchronized PriceTable loaded(@Nullable List<ModelAlias> aliases) {
    if (aliases != null) {
      table = toTable(aliases);
      loadedAt = clock.instant();
    }
    return table != null ? table : PriceTable.EMPTY;
  }

  private static PriceTable toTable(List<ModelAlias> aliases) {
    PriceTable.Builder b = PriceTable.builder();
    for (ModelAlias alias : aliases) {
      ModelPrice price = alias.price();
      if (price != null && !alias.modelAlias().isEmpty()) {
        b.put(alias.modelAlias(), price);
      }
    }
    return b.build();
  }
}
