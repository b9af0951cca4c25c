package io.llmgateway.testing.internal;

import io.llmgateway.testing.seed.AliasSeed;
import io.llmgateway.testing.seed.TeamSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A team's live state: status, credits, aliases, and its documented-mode rate window. */
public final class TeamState {
  public final String id;
  public final String organizationId;
  public final String virtualKey;
  public String status;
  public long creditsAllocated;
  public long creditsUsed;
  public final String budgetMode;
  public final double creditsPerDollar;
  public final long tokensPerCredit;
  public final double costMarkupPercentage;
  public final int rpm;
  public final int tpm;
  public final Map<String, AliasSeed> aliases = new LinkedHashMap<>();
  public final Instant createdAt;
  public Instant updatedAt;
  public final RateWindow window;

  public TeamState(TeamSeed seed, Instant now, Duration rateWindow) {
    this.id = seed.id();
    this.organizationId = seed.organization();
    this.virtualKey = seed.virtualKey();
    this.status = seed.status();
    this.creditsAllocated = seed.credits();
    this.budgetMode = seed.budgetMode();
    this.creditsPerDollar = seed.creditsPerDollar() > 0 ? seed.creditsPerDollar() : 10.0;
    this.tokensPerCredit = seed.tokensPerCredit() > 0 ? seed.tokensPerCredit() : 10_000;
    this.costMarkupPercentage = seed.costMarkupPercentage();
    this.rpm = seed.rpm();
    this.tpm = seed.tpm();
    seed.aliases().forEach(a -> aliases.put(a.alias(), a));
    this.createdAt = now;
    this.updatedAt = now;
    this.window = new RateWindow(rateWindow);
  }

  public long creditsRemaining() {
    return creditsAllocated - creditsUsed;
  }

  public @Nullable AliasSeed alias(String name) {
    return aliases.get(name);
  }
}
