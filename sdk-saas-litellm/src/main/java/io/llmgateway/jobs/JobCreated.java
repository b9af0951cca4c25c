package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A job just created: its id, status ({@code PENDING}) and creation time. */
public final class JobCreated {
  @Json(name = "job_id")
  private String jobId = "";

  @Json(name = "status")
  private JobStatus status = JobStatus.of("unknown");

  @Json(name = "created_at")
  private @Nullable Instant createdAt;

  private JobCreated() {}

  public String jobId() {
    return jobId;
  }

  public JobStatus status() {
    return status;
  }

  public @Nullable Instant createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "JobCreated{"
        + "jobId="
        + jobId
        + ", "
        + "status="
        + status
        + ", "
        + "createdAt="
        + createdAt
        + "}";
  }
}
