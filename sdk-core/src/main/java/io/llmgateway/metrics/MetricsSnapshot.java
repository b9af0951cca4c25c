package io.llmgateway.metrics;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** All metrics at one moment: per endpoint (by endpoint id) and totals. Immutable. */
public final class MetricsSnapshot {
  private final Instant time;
  private final Map<String, EndpointStats> endpoints;
  private final EndpointStats total;

  MetricsSnapshot(Instant time, Map<String, EndpointStats> endpoints, EndpointStats total) {
    this.time = time;
    this.endpoints = Map.copyOf(endpoints);
    this.total = total;
  }

  public Instant time() {
    return time;
  }

  /** Stats by endpoint id, e.g. {@code chat.completions}. */
  public Map<String, EndpointStats> endpoints() {
    return endpoints;
  }

  /** The stats of one endpoint id, or null when it saw no call. */
  public @Nullable EndpointStats endpoint(String endpointId) {
    return endpoints.get(endpointId);
  }

  public EndpointStats total() {
    return total;
  }

  @Override
  public String toString() {
    return "MetricsSnapshot{time="
        + time
        + ", total="
        + total
        + ", endpoints="
        + new TreeMap<>(endpoints)
        + "}";
  }
}
