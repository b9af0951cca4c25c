package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.JobState;
import io.llmgateway.testing.internal.TeamState;
import io.llmgateway.testing.internal.TransactionState;
import io.llmgateway.testing.internal.wire.PyFloat;
import io.llmgateway.testing.internal.wire.Responses;
import io.llmgateway.testing.seed.AliasSeed;
import io.llmgateway.testing.seed.ModelGroupSeed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/** Team, usage, credits and model-group endpoints (spec 3.11-3.14). */
final class TeamEndpoints {
  private TeamEndpoints() {}

  /** {@code GET /api/teams/{id}}: no authentication at all, and it shows the virtual key. */
  static MockResponse team(SaasContext ctx, String teamId) {
    TeamState team = ctx.store.teams.get(teamId);
    if (team == null) {
      throw SaasErrors.detail(404, "Team '" + teamId + "' not found");
    }
    TreeSet<String> aliases = new TreeSet<>();
    for (AliasSeed alias : team.aliases.values()) {
      if (alias.access() && alias.active()) {
        aliases.add(alias.alias());
      }
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("team_id", team.id);
    out.put("organization_id", team.organizationId);
    out.put("credits", credits(ctx, team));
    out.put("access_groups", List.of(team.id + "-models"));
    out.put("allowed_model_aliases", new ArrayList<>(aliases));
    out.put("virtual_key", team.virtualKey);
    out.put("credits_allocated", team.creditsAllocated);
    out.put("credits_remaining", team.creditsRemaining());
    if (ctx.documented) {
      out.put("status", team.status); // the guide reads team_info['status']
    }
    return Responses.json(200, out);
  }

  /** {@code TeamCredits.to_dict()}. */
  static Map<String, @Nullable Object> credits(SaasContext ctx, TeamState team) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("team_id", team.id);
    out.put("organization_id", team.organizationId);
    out.put("credits_allocated", team.creditsAllocated);
    out.put("credits_used", team.creditsUsed);
    out.put("credits_remaining", team.creditsRemaining());
    out.put("credit_limit", null);
    out.put("auto_refill", false);
    out.put("refill_amount", null);
    out.put("refill_period", null);
    out.put("last_refill_at", null);
    out.put("budget_mode", team.budgetMode);
    out.put("credits_per_dollar", PyFloat.of(team.creditsPerDollar));
    out.put("tokens_per_credit", team.tokensPerCredit);
    out.put("cost_markup_percentage", PyFloat.of(team.costMarkupPercentage));
    out.put("status", team.status);
    out.put("created_at", ctx.time(team.createdAt, true));
    out.put("updated_at", ctx.time(team.updatedAt, true));
    return out;
  }

  static MockResponse balance(SaasContext ctx, String teamId) {
    TeamState team = ctx.authenticate();
    requireSameTeam(team, teamId, "Cannot access credit balance for a different team");
    return Responses.json(200, credits(ctx, team));
  }

  static MockResponse transactions(SaasContext ctx, String teamId) {
    TeamState team = ctx.authenticate();
    long limit = ctx.intQuery("limit", 50, false);
    requireSameTeam(team, teamId, "Cannot access credit transactions for a different team");
    List<Object> rows = new ArrayList<>();
    List<TransactionState> all = ctx.store.transactions;
    for (int i = all.size() - 1; i >= 0 && rows.size() < limit; i--) {
      TransactionState t = all.get(i);
      if (!t.teamId().equals(teamId)) {
        continue;
      }
      Map<String, @Nullable Object> row = new LinkedHashMap<>();
      row.put("transaction_id", t.transactionId());
      row.put("team_id", t.teamId());
      row.put("organization_id", t.organizationId());
      row.put("job_id", t.jobId());
      row.put("transaction_type", t.type());
      row.put("credits_amount", t.amount());
      row.put("credits_before", t.before());
      row.put("credits_after", t.after());
      row.put("reason", t.reason());
      row.put("created_at", ctx.time(t.createdAt(), true));
      rows.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("team_id", teamId);
    out.put("total", rows.size());
    out.put("transactions", rows);
    return Responses.json(200, out);
  }

  static MockResponse check(SaasContext ctx, String teamId) {
    TeamState team = ctx.authenticate();
    long needed = ctx.intQuery("credits_needed", 1, true);
    requireSameTeam(team, teamId, "Cannot check credits for a different team");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("team_id", teamId);
    if (team.creditsRemaining() >= needed) {
      out.put("has_credits", true);
      out.put("credits_remaining", team.creditsRemaining());
    } else {
      out.put("has_credits", false);
      out.put(
          "error",
          "Insufficient credits. Team has "
              + team.creditsRemaining()
              + " credits remaining, but "
              + needed
              + " required. Allocated: "
              + team.creditsAllocated
              + ", Used: "
              + team.creditsUsed);
    }
    out.put("credits_needed", needed);
    return Responses.json(200, out);
  }

  static MockResponse usage(SaasContext ctx, String teamId) {
    TeamState team = ctx.authenticate();
    String period = ctx.requiredQuery("period");
    requireSameTeam(team, teamId, "Cannot access usage data for a different team");
    int jobs = 0;
    int succeeded = 0;
    int failed = 0;
    long tokens = 0;
    BigDecimal cost = BigDecimal.ZERO;
    Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
    for (JobState job : ctx.store.jobs.values()) {
      boolean finished = "COMPLETED".equals(job.status) || "FAILED".equals(job.status);
      if (!job.teamId.equals(teamId) || !finished || !month(job.createdAt).startsWith(period)) {
        continue;
      }
      JobCosts costs = JobCosts.of(job);
      jobs++;
      if ("COMPLETED".equals(job.status)) {
        succeeded++;
      } else {
        failed++;
      }
      tokens += costs.totalTokens();
      cost = cost.add(costs.totalCostUsd());
      Map<String, Object> type = byType.computeIfAbsent(job.jobType, k -> new LinkedHashMap<>());
      type.put("count", ((Integer) type.getOrDefault("count", 0)) + 1);
      BigDecimal typeCost =
          ((BigDecimal) type.getOrDefault("cost", BigDecimal.ZERO)).add(costs.totalCostUsd());
      type.put("cost", typeCost);
    }
    Map<String, Object> types = new LinkedHashMap<>();
    byType.forEach(
        (name, v) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("count", v.get("count"));
          row.put("cost_usd", PyFloat.of((BigDecimal) v.get("cost")));
          types.put(name, row);
        });
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("total_jobs", jobs);
    summary.put("successful_jobs", succeeded);
    summary.put("failed_jobs", failed);
    summary.put("total_cost_usd", PyFloat.of(round(cost, 2)));
    summary.put("total_tokens", tokens);
    summary.put(
        "avg_cost_per_job",
        PyFloat.of(
            jobs == 0
                ? 0.0
                : round(
                    cost.divide(BigDecimal.valueOf(jobs), 10, java.math.RoundingMode.HALF_EVEN),
                    4)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("team_id", teamId);
    out.put("period", period);
    out.put("summary", summary);
    out.put("job_types", types);
    return Responses.json(200, out);
  }

  static MockResponse resolveModelGroup(SaasContext ctx, String group) {
    TeamState team = ctx.authenticate();
    String teamId = ctx.requiredQuery("team_id");
    if (!team.id.equals(teamId)) {
      throw SaasErrors.detail(403, "Cannot resolve model group for a different team");
    }
    ModelGroupSeed seed = ctx.store.modelGroups.get(group);
    if (seed == null) {
      throw SaasErrors.detail(404, "Model group '" + group + "' not found");
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("group_name", group);
    if (!seed.teams().contains(teamId)) {
      out.put("primary_model", null);
      out.put("fallback_models", List.of());
      out.put("team_has_access", false);
      out.put("error", "Team '" + teamId + "' does not have access to model group '" + group + "'");
      return Responses.json(200, out);
    }
    ModelResolver.Resolved resolved = ModelResolver.resolve(ctx, team, group);
    out.put("primary_model", resolved.actualModel());
    out.put("fallback_models", seed.models().subList(1, seed.models().size()));
    out.put("team_has_access", true);
    return Responses.json(200, out);
  }

  static MockResponse health() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", "healthy");
    out.put("service", "saas-llm-api");
    return Responses.json(200, out);
  }

  private static void requireSameTeam(TeamState team, String teamId, String text) {
    if (!team.id.equals(teamId)) {
      throw SaasErrors.detail(403, text);
    }
  }

  private static String month(Instant instant) {
    return instant.toString().substring(0, 7);
  }

  private static double round(BigDecimal value, int places) {
    return value.setScale(places, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }
}
