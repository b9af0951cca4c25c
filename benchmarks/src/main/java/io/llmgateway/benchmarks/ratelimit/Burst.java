package io.llmgateway.benchmarks.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends {@code requests} calls from {@code threads} threads, starting just after a window boundary
 * of the server's fixed windows (multiples of the window length since the epoch), and times the
 * whole burst from that boundary. Failures are counted by exception type.
 */
final class Burst {
  /** One request of the burst; throws when the request failed for good. */
  @FunctionalInterface
  interface Request {
    void send() throws Exception;
  }

  /** What a burst did. */
  record Outcome(int requests, int failed, Map<String, Integer> failures, Duration total) {}

  private Burst() {}

  static Outcome run(int requests, int threads, Duration window, Request request)
      throws InterruptedException {
    Instant boundary = nextBoundary(Instant.now(), window);
    // Start a few ms inside window 0, so a clock tick cannot place the first request before it.
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), boundary).toMillis() + 5));
    AtomicInteger next = new AtomicInteger();
    Map<String, Integer> failures = new TreeMap<>();
    AtomicInteger failed = new AtomicInteger();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                while (next.getAndIncrement() < requests) {
                  try {
                    request.send();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    failed.incrementAndGet();
                    synchronized (failures) {
                      failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                  }
                }
              },
              "burst-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    Duration total = Duration.between(boundary, Instant.now());
    return new Outcome(requests, failed.get(), failures, total);
  }

  static Instant nextBoundary(Instant now, Duration window) {
    long w = window.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), w) * w + w);
  }

  /** The least time {@code requests} can take at {@code limit} per window from a boundary. */
  static Duration floor(int requests, int limit, Duration window) {
    int windows = (requests + limit - 1) / limit;
    return window.multipliedBy(windows - 1L);
  }
}
