package io.llmgateway.cli.demo;

import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.metrics.EndpointStats;
import io.llmgateway.metrics.MetricsCollector;
import java.math.BigDecimal;
import java.util.Locale;

/** Demo part 6: what {@code client.metrics().snapshot()} says about everything above. */
final class MetricsSection {
  private MetricsSection() {}

  static Result run(String label, MetricsCollector metrics, BigDecimal cost, Printer out) {
    EndpointStats total = metrics.snapshot().total();
    out.line(
        String.format(
            Locale.ROOT,
            "  %-12s requests %3d, error rate %5.1f %%, avg %4d ms, p95 %4d ms, retries %2d,"
                + " throttle waits %2d, cost $%s",
            label,
            total.requests(),
            total.errorRate() * 100,
            total.latency().average().toMillis(),
            total.latency().p95().toMillis(),
            total.retries(),
            total.throttleWaits(),
            cost.stripTrailingZeros().toPlainString()));
    if (!total.failuresByType().isEmpty()) {
      out.line("  " + " ".repeat(12) + " failures by type " + total.failuresByType());
    }
    return Result.ok("demo", label)
        .put("section", "metrics")
        .costUsd(cost)
        .put("requests", total.requests())
        .put("error_rate", total.errorRate())
        .put("latency_avg_ms", total.latency().average().toMillis())
        .put("latency_p95_ms", total.latency().p95().toMillis())
        .put("retries", total.retries())
        .put("failures_by_type", total.failuresByType());
  }
}
