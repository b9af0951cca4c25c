package io.llmgateway.benchmarks.harness;

import java.util.Objects;

/**
 * Two contestants doing the same call against the same server, in one JVM: both warm up, then calls
 * alternate in ABBA order (A, B, B, A, ...) so neither always goes first, each timed alone into its
 * own histogram. A second, shorter alternating pass meters allocation per call (kept apart so
 * metering never touches the timed calls).
 */
public final class SideBySide {
  /** One contestant's call; it must do the whole work (send, read, parse) before returning. */
  @FunctionalInterface
  public interface Call {
    void run() throws Exception;
  }

  /** What one contestant is called in the report and what it runs. */
  public record Contestant(String name, Call call) {}

  /** Both contestants' latencies and mean allocated bytes per call (-1 when not metered). */
  public record Result(Latencies a, Latencies b, double allocA, double allocB) {}

  private SideBySide() {}

  public static Result run(
      Contestant a,
      Contestant b,
      int warmupCalls,
      int measuredCalls,
      int allocCalls,
      @org.jspecify.annotations.Nullable AllocationMeter meter)
      throws Exception {
    Objects.requireNonNull(a);
    Objects.requireNonNull(b);
    for (int i = 0; i < warmupCalls; i++) {
      first(a, b, i).call.run();
      second(a, b, i).call.run();
    }
    Latencies la = new Latencies();
    Latencies lb = new Latencies();
    for (int i = 0; i < measuredCalls; i++) {
      Contestant x = first(a, b, i);
      Contestant y = second(a, b, i);
      long t0 = System.nanoTime();
      x.call.run();
      long t1 = System.nanoTime();
      y.call.run();
      long t2 = System.nanoTime();
      (x == a ? la : lb).record(t1 - t0);
      (y == a ? la : lb).record(t2 - t1);
    }
    double allocA = -1;
    double allocB = -1;
    if (meter != null && allocCalls > 0) {
      meter.excludeServerThreadsByName();
      long sumA = 0;
      long sumB = 0;
      for (int i = 0; i < allocCalls; i++) {
        Contestant x = first(a, b, i);
        Contestant y = second(a, b, i);
        AllocationMeter.Reading r = meter.read();
        x.call.run();
        long bx = meter.since(r);
        r = meter.read();
        y.call.run();
        long by = meter.since(r);
        if (x == a) {
          sumA += bx;
          sumB += by;
        } else {
          sumA += by;
          sumB += bx;
        }
      }
      allocA = (double) sumA / allocCalls;
      allocB = (double) sumB / allocCalls;
    }
    return new Result(la, lb, allocA, allocB);
  }

  // ABBA: pairs alternate which contestant goes first.
  private static Contestant first(Contestant a, Contestant b, int i) {
    return (i & 1) == 0 ? a : b;
  }

  private static Contestant second(Contestant a, Contestant b, int i) {
    return (i & 1) == 0 ? b : a;
  }
}
