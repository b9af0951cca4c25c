package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.CallState;
import io.llmgateway.testing.internal.JobState;
import io.llmgateway.testing.internal.wire.PyFloat;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** {@code calculate_job_costs}: the job-level totals of spec section 9. */
record JobCosts(
    int totalCalls,
    int successfulCalls,
    int failedCalls,
    long totalTokens,
    BigDecimal totalCostUsd,
    long avgLatencyMs) {

  static JobCosts of(JobState job) {
    int failed = 0;
    long tokens = 0;
    BigDecimal cost = BigDecimal.ZERO;
    long latencySum = 0;
    int latencyCount = 0;
    for (CallState call : job.calls) {
      if (call.error != null) {
        failed++;
      }
      tokens += call.totalTokens();
      if (call.clientCostUsd != null) {
        cost = cost.add(call.clientCostUsd);
      }
      if (call.latencyMs != null && call.latencyMs != 0) {
        latencySum += call.latencyMs;
        latencyCount++;
      }
    }
    int total = job.calls.size();
    return new JobCosts(
        total,
        total - failed,
        failed,
        tokens,
        cost.setScale(6, RoundingMode.HALF_EVEN),
        latencyCount == 0 ? 0 : latencySum / latencyCount);
  }

  PyFloat totalCostFloat() {
    return PyFloat.of(totalCostUsd);
  }
}
