package io.llmgateway.benchmarks.faults;

import io.llmgateway.circuit.CircuitBreakerConfig;
import java.util.Random;

/**
 * How likely a closed count-based breaker is to open by chance: the share of simulated runs of
 * {@code attempts} independent outcomes, each a failure with probability {@code p}, in which the
 * breaker's window reaches its threshold at least once. Seeded, so the report is reproducible.
 */
final class BreakerOdds {
  private BreakerOdds() {}

  static double ofOpening(CircuitBreakerConfig config, double p, int attempts, int trials) {
    int size = config.slidingWindowSize();
    int needed = Math.min(config.minimumNumberOfCalls(), size);
    Random random = new Random(1);
    int opened = 0;
    boolean[] window = new boolean[size];
    for (int t = 0; t < trials; t++) {
      int filled = 0;
      int next = 0;
      int failed = 0;
      for (int i = 0; i < attempts; i++) {
        if (filled == size) {
          failed -= window[next] ? 1 : 0;
        } else {
          filled++;
        }
        window[next] = random.nextDouble() < p;
        failed += window[next] ? 1 : 0;
        next = (next + 1) % size;
        if (filled >= needed && 100f * failed / filled >= config.failureRateThreshold()) {
          opened++;
          break;
        }
      }
    }
    return (double) opened / trials;
  }
}
