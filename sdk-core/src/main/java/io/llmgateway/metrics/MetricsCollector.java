package io.llmgateway.metrics;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The built-in metrics: a {@link CallListener} that counts per endpoint (requests, successes,
 * failures by error type, attempts, retries, throttle waits, circuit state) and keeps call
 * latencies in HdrHistograms. Read it with {@link #snapshot()}. Thread-safe.
 */
public final class MetricsCollector implements CallListener {
  private final ConcurrentMap<String, EndpointRecorder> endpoints = new ConcurrentHashMap<>();
  private final EndpointRecorder total = new EndpointRecorder();
  private final Clock clock;

  public MetricsCollector() {
    this(Clock.systemUTC());
  }

  /** A collector that stamps snapshots with {@code clock}. */
  public MetricsCollector(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void onEvent(CallEvent event) {
    String id = event.endpoint().id();
    EndpointRecorder r = endpoints.get(id); // a plain read on the hot path, no lambda, no bin lock
    if (r == null) {
      r = endpoints.computeIfAbsent(id, k -> new EndpointRecorder());
    }
    if (event instanceof CallStarted) {
      r.requests.increment();
      total.requests.increment();
    } else if (event instanceof AttemptStarted) {
      r.attempts.increment();
      total.attempts.increment();
    } else if (event instanceof RetryScheduled) {
      r.retries.increment();
      total.retries.increment();
    } else if (event instanceof Throttled) {
      r.recordThrottle(((Throttled) event).delay());
      total.recordThrottle(((Throttled) event).delay());
    } else if (event instanceof CircuitStateChanged) {
      r.circuitState = ((CircuitStateChanged) event).to();
    } else if (event instanceof CallFinished) {
      CallFinished f = (CallFinished) event;
      r.recordFinished(f.latency(), f.errorType());
      total.recordFinished(f.latency(), f.errorType());
    }
  }

  /** The counters as they are now. */
  public MetricsSnapshot snapshot() {
    Map<String, EndpointStats> byEndpoint = new HashMap<>();
    endpoints.forEach((id, r) -> byEndpoint.put(id, r.snapshot()));
    return new MetricsSnapshot(clock.instant(), byEndpoint, total.snapshot());
  }
}
