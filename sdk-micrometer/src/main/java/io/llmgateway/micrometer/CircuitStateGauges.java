package io.llmgateway.micrometer;

import io.llmgateway.circuit.CircuitState;
import io.llmgateway.metrics.CircuitStateChanged;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@code llmgw.circuit.state} gauge per breaker and state, in Resilience4j's shape: the current
 * state reads 1, the others 0, so a dashboard sums or filters by the {@code state} tag. Registered
 * when a breaker first changes state (before that it is closed and nothing is known of it); one
 * entry per gateway and endpoint, a set the clients bound.
 */
final class CircuitStateGauges {
  private final MeterRegistry registry;
  private final Tags common;
  private final ConcurrentMap<String, AtomicReference<CircuitState>> states =
      new ConcurrentHashMap<>();

  CircuitStateGauges(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
  }

  void record(CircuitStateChanged event, Tags where) {
    String key = event.provider().id() + ' ' + event.endpoint().id();
    states.computeIfAbsent(key, k -> register(where)).set(event.to());
  }

  private AtomicReference<CircuitState> register(Tags where) {
    AtomicReference<CircuitState> state = new AtomicReference<>(CircuitState.CLOSED);
    for (CircuitState s : CircuitState.values()) {
      Gauge.builder(LlmgwMeters.CIRCUIT_STATE, state, r -> r.get() == s ? 1 : 0)
          .description("1 for the circuit breaker's current state, 0 for the others")
          .tags(common.and(where))
          .tag(LlmgwMeters.STATE, name(s))
          .strongReference(true)
          .register(registry);
    }
    return state;
  }

  static String name(CircuitState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
