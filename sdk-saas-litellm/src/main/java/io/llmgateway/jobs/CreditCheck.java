package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import org.jspecify.annotations.Nullable;

/** Whether a team has the credits it needs; the server answers 200 either way. */
public final class CreditCheck {
  @Json(name = "team_id")
  private String teamId = "";

  @Json(name = "has_credits")
  private boolean hasCredits;

  @Json(name = "credits_remaining")
  private @Nullable Long creditsRemaining;

  @Json(name = "credits_needed")
  private long creditsNeeded;

  @Json(name = "error")
  private @Nullable String error;

  private CreditCheck() {}

  public String teamId() {
    return teamId;
  }

  public boolean hasCredits() {
    return hasCredits;
  }

  public @Nullable Long creditsRemaining() {
    return creditsRemaining;
  }

  public long creditsNeeded() {
    return creditsNeeded;
  }

  public @Nullable String error() {
    return error;
  }

  @Override
  public String toString() {
    return "CreditCheck{"
        + "teamId="
        + teamId
        + ", "
        + "hasCredits="
        + hasCredits
        + ", "
        + "creditsRemaining="
        + creditsRemaining
        + ", "
        + "creditsNeeded="
        + creditsNeeded
        + "}";
  }
}
