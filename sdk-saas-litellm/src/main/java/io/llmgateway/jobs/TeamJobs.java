package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.util.List;

/** A page of a team's jobs, newest first. */
public final class TeamJobs {
  @Json(name = "team_id")
  private String teamId = "";

  @Json(name = "total")
  private long total;

  @Json(name = "jobs")
  private List<Job> jobs = List.of();

  private TeamJobs() {}

  public String teamId() {
    return teamId;
  }

  /** The size of this page (the server does not count all). */
  public long total() {
    return total;
  }

  public List<Job> jobs() {
    return jobs;
  }

  @Override
  public String toString() {
    return "TeamJobs{" + "teamId=" + teamId + ", " + "total=" + total + ", " + "jobs=" + jobs + "}";
  }
}
