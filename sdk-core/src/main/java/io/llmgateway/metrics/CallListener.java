package io.llmgateway.metrics;

import java.util.List;

/**
 * Told about every step of every call: attempts, retries, throttle waits, circuit state changes.
 * One method, so a lambda works; feed Micrometer, OpenTelemetry or your logs from it. Called on the
 * caller's thread; keep it fast. An exception thrown here is logged and never fails the call.
 */
@FunctionalInterface
public interface CallListener {
  /** A listener that ignores everything. */
  CallListener NONE = event -> {};

  void onEvent(CallEvent event);

  /** A listener that tells each of {@code listeners} in order. */
  static CallListener composite(List<? extends CallListener> listeners) {
    List<CallListener> copy = List.copyOf(listeners);
    return event -> {
      for (CallListener l : copy) {
        l.onEvent(event);
      }
    };
  }
}
