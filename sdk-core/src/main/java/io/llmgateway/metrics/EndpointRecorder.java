package io.llmgateway.metrics;

import io.llmgateway.circuit.CircuitState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/** The live, thread-safe counters behind one {@link EndpointStats}. */
final class EndpointRecorder {
  final LongAdder requests = new LongAdder();
  final LongAdder successes = new LongAdder();
  final LongAdder failures = new LongAdder();
  final ConcurrentMap<String, LongAdder> failuresByType = new ConcurrentHashMap<>();
  final LongAdder attempts = new LongAdder();
  final LongAdder retries = new LongAdder();
  final LongAdder throttleWaits = new LongAdder();
  final LongAdder throttleWaitNanos = new LongAdder();
  volatile @Nullable CircuitState circuitState;
  // Guarded by itself. Microseconds, auto-resizing, 3 significant digits.
  private final Histogram latencyMicros = new Histogram(3);

  void recordFinished(Duration latency, @Nullable String errorType) {
    if (errorType == null) {
      successes.increment();
    } else {
      failures.increment();
      failuresByType.computeIfAbsent(errorType, k -> new LongAdder()).increment();
    }
    long us = Math.max(0, latency.toNanos() / 1000);
    synchronized (latencyMicros) {
      latencyMicros.recordValue(us);
    }
  }

  void recordThrottle(Duration delay) {
    throttleWaits.increment();
    throttleWaitNanos.add(Math.max(0, delay.toNanos()));
  }

  EndpointStats snapshot() {
    Map<String, Long> byType = new HashMap<>();
    failuresByType.forEach((k, v) -> byType.put(k, v.sum()));
    LatencyStats latency;
    synchronized (latencyMicros) {
      latency = LatencyStats.of(latencyMicros);
    }
    return new EndpointStats(
        requests.sum(),
        successes.sum(),
        failures.sum(),
        byType,
        attempts.sum(),
        retries.sum(),
        throttleWaits.sum(),
        Duration.ofNanos(throttleWaitNanos.sum()),
        circuitState,
        latency);
  }
}
