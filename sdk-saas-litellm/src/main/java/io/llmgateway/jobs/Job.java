package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A job as {@code GET /api/jobs/{id}} reports it. */
public final class Job {
  @Json(name = "job_id")
  private String jobId = "";

  @Json(name = "team_id")
  private String teamId = "";

  @Json(name = "user_id")
  private @Nullable String userId;

  @Json(name = "job_type")
  private String jobType = "";

  @Json(name = "status")
  private JobStatus status = JobStatus.of("unknown");

  @Json(name = "created_at")
  private @Nullable Instant createdAt;

  @Json(name = "started_at")
  private @Nullable Instant startedAt;

  @Json(name = "completed_at")
  private @Nullable Instant completedAt;

  @Json(name = "metadata")
  private @Nullable Map<String, Object> metadata;

  @Json(name = "error_message")
  private @Nullable String errorMessage;

  @Json(name = "credit_applied")
  private boolean creditApplied;

  @Json(name = "model_groups_used")
  private List<String> modelGroupsUsed = List.of();

  private Job() {}

  public String jobId() {
    return jobId;
  }

  public String teamId() {
    return teamId;
  }

  public @Nullable String userId() {
    return userId;
  }

  public String jobType() {
    return jobType;
  }

  public JobStatus status() {
    return status;
  }

  public @Nullable Instant createdAt() {
    return createdAt;
  }

  public @Nullable Instant startedAt() {
    return startedAt;
  }

  public @Nullable Instant completedAt() {
    return completedAt;
  }

  public @Nullable Map<String, Object> metadata() {
    return metadata;
  }

  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /**
   * True when the job has been charged and not reset since (see the job client's notes on repeated
   * completes).
   */
  public boolean creditApplied() {
    return creditApplied;
  }

  public List<String> modelGroupsUsed() {
    return modelGroupsUsed;
  }

  @Override
  public String toString() {
    return "Job{"
        + "jobId="
        + jobId
        + ", "
        + "teamId="
        + teamId
        + ", "
        + "userId="
        + userId
        + ", "
        + "jobType="
        + jobType
        + "}";
  }
}
