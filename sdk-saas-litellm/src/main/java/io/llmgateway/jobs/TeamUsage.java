package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A team's usage in a period ({@code YYYY-MM}). */
public final class TeamUsage {
  @Json(name = "team_id")
  private String teamId = "";

  @Json(name = "period")
  private String period = "";

  @Json(name = "summary")
  private @Nullable UsageSummary summary;

  @Json(name = "job_types")
  private Map<String, JobTypeUsage> jobTypes = Map.of();

  private TeamUsage() {}

  public String teamId() {
    return teamId;
  }

  public String period() {
    return period;
  }

  public @Nullable UsageSummary summary() {
    return summary;
  }

  public Map<String, JobTypeUsage> jobTypes() {
    return jobTypes;
  }

  @Override
  public String toString() {
    return "TeamUsage{"
        + "teamId="
        + teamId
        + ", "
        + "period="
        + period
        + ", "
        + "summary="
        + summary
        + ", "
        + "jobTypes="
        + jobTypes
        + "}";
  }
}
