package io.llmgateway.benchmarks.harness;

import org.HdrHistogram.Histogram;

/** Call latencies in nanoseconds (1 us to 10 min, 3 significant digits). Not thread-safe. */
public final class Latencies {
  private final Histogram histogram = new Histogram(1_000L, 600_000_000_000L, 3);

  public void record(long nanos) {
    histogram.recordValue(Math.max(1_000L, Math.min(nanos, histogram.getHighestTrackableValue())));
  }

  /** Adds another set, e.g. one per worker thread. */
  public void add(Latencies other) {
    histogram.add(other.histogram);
  }

  public long count() {
    return histogram.getTotalCount();
  }

  public double median() {
    return histogram.getValueAtPercentile(50);
  }

  public double p99() {
    return histogram.getValueAtPercentile(99);
  }

  public double mean() {
    return histogram.getMean();
  }

  public double max() {
    return histogram.getMaxValue();
  }
}
