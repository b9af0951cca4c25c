package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.TeamState;
import io.llmgateway.testing.internal.wire.PyFloat;
import io.llmgateway.testing.internal.wire.Responses;
import io.llmgateway.testing.seed.AliasSeed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/models} and {@code GET /api/models/{alias}} (spec 3.14): model aliases with their
 * prices, without authentication. The server has one global record per alias; the fake's aliases
 * are seeded per team, so the first team that seeds an alias gives its record, and every team with
 * access adds its access group ({@code <team>-models}, as {@code GET /api/teams/{id}} says).
 * Filtered by {@code access_group}, an alias reads as that group's team seeded it.
 */
final class ModelEndpoints {
  private ModelEndpoints() {}

  static MockResponse list(SaasContext ctx) {
    String status = emptyToNull(ctx.req.queryParam("status"));
    String provider = emptyToNull(ctx.req.queryParam("provider"));
    String accessGroup = emptyToNull(ctx.req.queryParam("access_group"));
    List<Object> out = new ArrayList<>();
    for (Map.Entry<String, List<Seeded>> alias : aliases(ctx).entrySet()) {
      List<Seeded> seeds = alias.getValue();
      Seeded shown = seeds.get(0);
      if (accessGroup != null) {
        shown = null;
        for (Seeded s : seeds) {
          if (s.alias.access() && group(s.team).equals(accessGroup)) {
            shown = s;
          }
        }
        if (shown == null) {
          continue;
        }
      }
      if (status != null && !status.equals(statusOf(shown.alias))) {
        continue;
      }
      if (provider != null && !provider.equals(shown.alias.provider())) {
        continue;
      }
      out.add(record(ctx, shown, seeds));
    }
    return Responses.json(200, out);
  }

  static MockResponse get(SaasContext ctx, String alias) {
    List<Seeded> seeds = aliases(ctx).get(alias);
    if (seeds == null) {
      throw SaasErrors.detail(404, "Model alias '" + alias + "' not found");
    }
    return Responses.json(200, record(ctx, seeds.get(0), seeds));
  }

  private record Seeded(TeamState team, AliasSeed alias) {}

  /** Every alias name, in seed order, with each team's seed of it. */
  private static Map<String, List<Seeded>> aliases(SaasContext ctx) {
    Map<String, List<Seeded>> out = new LinkedHashMap<>();
    for (TeamState team : ctx.store.teams.values()) {
      for (AliasSeed alias : team.aliases.values()) {
        out.computeIfAbsent(alias.alias(), k -> new ArrayList<>()).add(new Seeded(team, alias));
      }
    }
    return out;
  }

  /** {@code ModelResponse}, keys in the server's order. */
  private static Map<String, @Nullable Object> record(
      SaasContext ctx, Seeded shown, List<Seeded> seeds) {
    List<String> groups = new ArrayList<>();
    for (Seeded s : seeds) {
      if (s.alias.access()) {
        groups.add(group(s.team));
      }
    }
    AliasSeed alias = shown.alias;
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("model_alias", alias.alias());
    out.put("display_name", alias.alias());
    out.put("provider", alias.provider());
    out.put("actual_model", alias.model());
    out.put("litellm_model_id", null);
    out.put("access_groups", groups);
    out.put("description", null);
    out.put("pricing_input", price(alias.pricingInput()));
    out.put("pricing_output", price(alias.pricingOutput()));
    out.put("status", statusOf(alias));
    out.put("teams_using", null);
    out.put("created_at", ctx.time(shown.team.createdAt, false));
    out.put("updated_at", ctx.time(shown.team.updatedAt, false));
    return out;
  }

  // The server writes float(price) only when the price is truthy: 0 becomes null.
  private static @Nullable PyFloat price(double perMillion) {
    return perMillion == 0 ? null : PyFloat.of(perMillion);
  }

  private static String statusOf(AliasSeed alias) {
    return alias.active() ? "active" : "inactive";
  }

  private static String group(TeamState team) {
    return team.id + "-models";
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
