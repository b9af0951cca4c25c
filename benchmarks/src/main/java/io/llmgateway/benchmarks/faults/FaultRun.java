package io.llmgateway.benchmarks.faults;

import io.llmgateway.benchmarks.harness.Latencies;
import io.llmgateway.circuit.CircuitState;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.metrics.CircuitStateChanged;
import io.llmgateway.metrics.RetryScheduled;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code calls} calls from {@code threads} threads and keeps what the report needs: successes,
 * failures by type, per-call latency (retry waits included), and the retries and circuit-breaker
 * openings the client reported through its listener (register one per client, one client per run).
 */
final class FaultRun implements CallListener {
  /** One call; throws when it failed for good. */
  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  final AtomicLong retries = new AtomicLong();
  final AtomicLong circuitOpens = new AtomicLong();
  final Latencies latencies = new Latencies();
  final Map<String, Integer> failures = new TreeMap<>();
  int calls;
  int failed;
  long wallNanos;

  @Override
  public void onEvent(io.llmgateway.metrics.CallEvent event) {
    if (event instanceof RetryScheduled) {
      retries.incrementAndGet();
    } else if (event instanceof CircuitStateChanged changed && changed.to() == CircuitState.OPEN) {
      circuitOpens.incrementAndGet();
    }
  }

  static FaultRun run(FaultRun into, int calls, int threads, Call call)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    Latencies[] perThread = new Latencies[threads];
    Thread[] workers = new Thread[threads];
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Latencies mine = new Latencies();
      perThread[t] = mine;
      workers[t] =
          new Thread(
              () -> {
                while (next.getAndIncrement() < calls) {
                  long t0 = System.nanoTime();
                  try {
                    call.run();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    synchronized (into) {
                      into.failed++;
                      into.failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                  }
                  mine.record(System.nanoTime() - t0);
                }
              },
              "fault-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    into.wallNanos = System.nanoTime() - start;
    into.calls = calls;
    for (Latencies l : perThread) {
      into.latencies.add(l);
    }
    return into;
  }
}
