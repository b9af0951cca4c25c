package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.CallState;
import io.llmgateway.testing.internal.JobState;
import io.llmgateway.testing.internal.wire.PyFloat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON views of jobs, in the key order the server writes them. */
final class JobViews {
  private JobViews() {}

  /** {@code Job.to_dict()}: GET job and list jobs. */
  static Map<String, @Nullable Object> toDict(SaasContext ctx, JobState job) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("job_id", job.jobId);
    out.put("team_id", job.teamId);
    out.put("user_id", job.userId);
    out.put("job_type", job.jobType);
    out.put("status", ctx.status(job.status));
    out.put("created_at", ctx.time(job.createdAt, true));
    out.put("started_at", ctx.time(job.startedAt, true));
    out.put("completed_at", ctx.time(job.completedAt, true));
    out.put("metadata", job.metadata);
    out.put("error_message", job.errorMessage);
    out.put("organization_id", null);
    out.put("external_task_id", null);
    out.put("credit_applied", job.creditApplied);
    out.put("model_groups_used", List.copyOf(job.modelGroupsUsed));
    return out;
  }

  static Map<String, Object> costs(JobCosts costs, boolean creditApplied, long remaining) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total_calls", costs.totalCalls());
    out.put("successful_calls", costs.successfulCalls());
    out.put("failed_calls", costs.failedCalls());
    out.put("total_tokens", costs.totalTokens());
    out.put("total_cost_usd", costs.totalCostFloat());
    out.put("avg_latency_ms", costs.avgLatencyMs());
    out.put("credit_applied", creditApplied);
    out.put("credits_remaining", remaining);
    return out;
  }

  static List<Object> calls(JobState job) {
    List<Object> out = new ArrayList<>();
    for (CallState call : job.calls) {
      Map<String, @Nullable Object> row = new LinkedHashMap<>();
      row.put("call_id", call.callId);
      row.put("purpose", call.purpose);
      row.put("model_group", call.modelGroupUsed);
      row.put("tokens", call.error == null ? call.totalTokens() : 0);
      row.put("latency_ms", call.error == null ? call.latencyMs : null);
      row.put("error", call.error);
      out.add(row);
    }
    return out;
  }

  /** The {@code /costs} breakdown, summing the legacy provider cost. */
  static Map<String, Object> costBreakdown(SaasContext ctx, JobState job) {
    List<Object> breakdown = new ArrayList<>();
    java.math.BigDecimal total = java.math.BigDecimal.ZERO;
    for (CallState call : job.calls) {
      Map<String, @Nullable Object> row = new LinkedHashMap<>();
      row.put("call_id", call.callId);
      row.put("model", call.modelUsed);
      row.put("purpose", call.purpose);
      row.put("prompt_tokens", call.promptTokens);
      row.put("completion_tokens", call.completionTokens);
      row.put("cost_usd", PyFloat.of(call.costUsd));
      row.put("created_at", ctx.time(call.createdAt, false));
      breakdown.add(row);
      total = total.add(call.costUsd);
    }
    Map<String, Object> costs = new LinkedHashMap<>();
    costs.put("total_cost_usd", PyFloat.of(total));
    costs.put("breakdown", breakdown);
    return costs;
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
