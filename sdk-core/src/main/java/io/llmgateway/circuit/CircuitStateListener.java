package io.llmgateway.circuit;

/** Told about every state change of a circuit breaker, after the change. */
@FunctionalInterface
public interface CircuitStateListener {
  /** Ignores every change. */
  CircuitStateListener NONE = (breaker, from, to) -> {};

  void onStateChange(CircuitBreaker breaker, CircuitState from, CircuitState to);
}
