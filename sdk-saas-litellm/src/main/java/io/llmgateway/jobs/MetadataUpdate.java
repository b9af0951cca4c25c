package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The job's metadata after a merge. */
public final class MetadataUpdate {
  @Json(name = "job_id")
  private String jobId = "";

  @Json(name = "metadata")
  private @Nullable Map<String, Object> metadata;

  @Json(name = "updated_at")
  private @Nullable Instant updatedAt;

  private MetadataUpdate() {}

  public String jobId() {
    return jobId;
  }

  public @Nullable Map<String, Object> metadata() {
    return metadata;
  }

  public @Nullable Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public String toString() {
    return "MetadataUpdate{"
        + "jobId="
        + jobId
        + ", "
        + "metadata="
        + metadata
        + ", "
        + "updatedAt="
        + updatedAt
        + "}";
  }
}
