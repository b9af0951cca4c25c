package io.llmgateway.circuit;

/** The three states of a circuit breaker. */
public enum CircuitState {
  /** Calls flow; outcomes fill the sliding window. */
  CLOSED,
  /** Calls fail at once with {@code CircuitOpenException} until the wait in open state ends. */
  OPEN,
  /** A few trial calls decide between closing and opening again. */
  HALF_OPEN
}
