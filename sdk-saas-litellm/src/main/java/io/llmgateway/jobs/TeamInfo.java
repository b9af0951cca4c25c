package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A team as {@code GET /api/teams/{id}} reports it. The server also sends the team's virtual key
 * here: it is dropped, never kept.
 */
public final class TeamInfo {
  @Json(name = "team_id")
  private String teamId = "";

  @Json(name = "organization_id")
  private @Nullable String organizationId;

  @Json(name = "credits")
  private @Nullable CreditBalance credits;

  @Json(name = "access_groups")
  private List<String> accessGroups = List.of();

  @Json(name = "allowed_model_aliases")
  private List<String> allowedModelAliases = List.of();

  @Json(name = "credits_allocated")
  private long creditsAllocated;

  @Json(name = "credits_remaining")
  private long creditsRemaining;

  // Not sent by the server (its status is only under credits); the guide's docs read it here.
  @Json(name = "status")
  private @Nullable String status;

  private TeamInfo() {}

  public String teamId() {
    return teamId;
  }

  public @Nullable String organizationId() {
    return organizationId;
  }

  public @Nullable CreditBalance credits() {
    return credits;
  }

  public List<String> accessGroups() {
    return accessGroups;
  }

  public List<String> allowedModelAliases() {
    return allowedModelAliases;
  }

  public long creditsAllocated() {
    return creditsAllocated;
  }

  public long creditsRemaining() {
    return creditsRemaining;
  }

  /** {@code active}, {@code suspended} or {@code paused}, from {@code credits.status}. */
  public @Nullable String status() {
    String fromCredits = credits == null ? null : credits.status();
    return fromCredits != null ? fromCredits : status;
  }

  /** {@code job_based}, {@code consumption_usd}, {@code consumption_tokens} (open text). */
  public @Nullable String budgetMode() {
    return credits == null ? null : credits.budgetMode();
  }

  @Override
  public String toString() {
    return "TeamInfo{"
        + "teamId="
        + teamId
        + ", "
        + "organizationId="
        + organizationId
        + ", "
        + "credits="
        + credits
        + ", "
        + "accessGroups="
        + accessGroups
        + "}";
  }
}
