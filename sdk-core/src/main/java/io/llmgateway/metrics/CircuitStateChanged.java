package io.llmgateway.metrics;

import io.llmgateway.circuit.CircuitState;
import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Instant;
import java.util.Objects;

/** The circuit breaker of a provider and endpoint changed state. Not tied to one call. */
public final class CircuitStateChanged extends CallEvent {
  private final CircuitState from;
  private final CircuitState to;

  public CircuitStateChanged(
      Provider provider, Endpoint endpoint, Instant time, CircuitState from, CircuitState to) {
    super(provider, endpoint, time);
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
  }

  public CircuitState from() {
    return from;
  }

  public CircuitState to() {
    return to;
  }

  @Override
  public String toString() {
    return "CircuitStateChanged{" + head() + ", " + from + " -> " + to + "}";
  }
}
