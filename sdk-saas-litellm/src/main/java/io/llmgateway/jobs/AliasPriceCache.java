package io.llmgateway.jobs;

import io.llmgateway.cost.ModelPrice;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.error.LlmGatewayException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The team's alias prices from {@code GET /api/models}, kept for {@code maxAge}, so the cost ledger
 * can price calls by alias. A failed load keeps the last good table (or none): prices are a cost
 * estimate, never a reason to fail a job. Thread-safe.
 */
final class AliasPriceCache {
  private final SaasLiteLlmClient client;
  private final Duration maxAge;
  private @Nullable PriceTable table;
  private @Nullable Instant loadedAt;

  AliasPriceCache(SaasLiteLlmClient client, Duration maxAge) {
    this.client = client;
    this.maxAge = maxAge;
  }

  /** The cached prices, loaded first when missing or older than {@code maxAge}. */
  synchronized PriceTable get() {
    Instant now = client.config.clock.instant();
    if (table == null || loadedAt == null || !now.isBefore(loadedAt.plus(maxAge))) {
      try {
        table = toTable(client.models());
        loadedAt = now;
      } catch (LlmGatewayException e) {
        return table != null ? table : PriceTable.EMPTY;
      }
    }
    return table;
  }

  private static PriceTable toTable(java.util.List<ModelAlias> aliases) {
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
