package io.llmgateway.testing.seed;

import java.util.List;

/**
 * A SaaS LiteLLM team: its key, status ({@code active|suspended|paused}), credits, budget mode
 * ({@code job_based|consumption_usd|consumption_tokens}), documented-mode rate limits and aliases.
 */
public record TeamSeed(
    String id,
    String organization,
    String virtualKey,
    String status,
    long credits,
    String budgetMode,
    double creditsPerDollar,
    long tokensPerCredit,
    double costMarkupPercentage,
    int rpm,
    int tpm,
    List<AliasSeed> aliases) {

  public TeamSeed {
    aliases = List.copyOf(aliases);
  }

  public static final int DEFAULT_RPM = 60;
  public static final int DEFAULT_TPM = 60_000;
}
