package io.llmgateway.testing.seed;

import io.llmgateway.testing.internal.wire.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the seed JSON format (see the README) with defaults for every optional field. */
final class SeedParser {
  private SeedParser() {}

  static Seed parse(String json, Instant now) {
    Object root;
    try {
      root = Json.parse(json);
    } catch (Json.MalformedJsonException e) {
      throw new IllegalArgumentException("Seed is not valid JSON: " + e.getMessage(), e);
    }
    Map<?, ?> map = asMap(root, "seed");
    List<TeamSeed> teams = new ArrayList<>();
    for (Object team : list(map, "teams")) {
      teams.add(team(asMap(team, "team")));
    }
    List<ModelGroupSeed> groups = new ArrayList<>();
    for (Object group : list(map, "modelGroups")) {
      Map<?, ?> g = asMap(group, "model group");
      groups.add(
          new ModelGroupSeed(
              str(g, "name", null),
              strings(g, "models"),
              bool(g, "active", true),
              strings(g, "teams")));
    }
    List<HiveOpsKeySeed> keys = new ArrayList<>();
    for (Object key : list(map, "hiveOpsKeys")) {
      keys.add(hiveKey(asMap(key, "HiveOps key"), now));
    }
    return new Seed(teams, groups, keys);
  }

  private static TeamSeed team(Map<?, ?> t) {
    List<AliasSeed> aliases = new ArrayList<>();
    for (Object alias : list(t, "aliases")) {
      Map<?, ?> a = asMap(alias, "alias");
      aliases.add(
          new AliasSeed(
              str(a, "alias", null),
              str(a, "provider", "openai"),
              str(a, "model", str(a, "alias", null)),
              bool(a, "access", true),
              !"inactive".equals(str(a, "status", "active")),
              num(a, "pricingInput", 1.0).doubleValue(),
              num(a, "pricingOutput", 2.0).doubleValue(),
              num(a, "latencyMs", 250).longValue(),
              optStr(a, "providerError")));
    }
    String id = str(t, "id", null);
    return new TeamSeed(
        id,
        str(t, "organization", "org-" + id),
        str(t, "virtualKey", null),
        str(t, "status", "active"),
        num(t, "credits", 100).longValue(),
        str(t, "budgetMode", "job_based"),
        num(t, "creditsPerDollar", 10.0).doubleValue(),
        num(t, "tokensPerCredit", 10000).longValue(),
        num(t, "costMarkupPercentage", 0).doubleValue(),
        num(t, "rpm", TeamSeed.DEFAULT_RPM).intValue(),
        num(t, "tpm", TeamSeed.DEFAULT_TPM).intValue(),
        aliases);
  }

  private static HiveOpsKeySeed hiveKey(Map<?, ?> k, Instant now) {
    String expiresAt = optStr(k, "expiresAt");
    Instant expiry =
        expiresAt != null
            ? Instant.parse(expiresAt)
            : now.plus(Duration.ofDays(num(k, "expiresInDays", 90).longValue()));
    String key = str(k, "key", null);
    if (!key.startsWith("sk-")) {
      throw new IllegalArgumentException(
          "Seed: HiveOps keys start with sk- (got a key that does not)");
    }
    return new HiveOpsKeySeed(key, new BigDecimal(num(k, "balanceUsd", 10).toString()), expiry);
  }

  private static Map<?, ?> asMap(@Nullable Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException("Seed: expected an object for " + what);
  }

  private static List<?> list(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException("Seed: '" + key + "' must be an array");
  }

  private static List<String> strings(Map<?, ?> map, String key) {
    List<String> out = new ArrayList<>();
    for (Object item : list(map, key)) {
      out.add(String.valueOf(item));
    }
    return out;
  }

  private static String str(Map<?, ?> map, String key, @Nullable String fallback) {
    Object value = map.get(key);
    if (value != null) {
      return value.toString();
    }
    if (fallback == null) {
      throw new IllegalArgumentException("Seed: '" + key + "' is required");
    }
    return fallback;
  }

  private static @Nullable String optStr(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value == null ? null : value.toString();
  }

  private static Number num(Map<?, ?> map, String key, Number fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n;
    }
    throw new IllegalArgumentException("Seed: '" + key + "' must be a number");
  }

  private static boolean bool(Map<?, ?> map, String key, boolean fallback) {
    Object value = map.get(key);
    return value instanceof Boolean b ? b : fallback;
  }
}
