package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The answer to create-and-call: a job created, called once and completed in one request. */
public final class SingleCallResult {
  @Json(name = "job_id")
  private String jobId = "";

  @Json(name = "status")
  private JobStatus status = JobStatus.of("unknown");

  @Json(name = "response")
  private CallOutput.@Nullable Response response;

  @Json(name = "metadata")
  private CallOutput.@Nullable Metadata metadata;

  @Json(name = "costs")
  private @Nullable JobCosts costs;

  @Json(name = "completed_at")
  private @Nullable Instant completedAt;

  private SingleCallResult() {}

  public String jobId() {
    return jobId;
  }

  public JobStatus status() {
    return status;
  }

  // Whether the answer had its "response" object: every real one does (AnswerChecks).
  boolean hasResponse() {
    return response != null;
  }

  public @Nullable String content() {
    return response == null ? null : response.content;
  }

  public @Nullable String finishReason() {
    return response == null ? null : response.finishReason;
  }

  public long tokensUsed() {
    return metadata == null ? 0 : metadata.tokensUsed;
  }

  public long latencyMs() {
    return metadata == null ? 0 : metadata.latencyMs;
  }

  public @Nullable String model() {
    return metadata == null ? null : metadata.model();
  }

  /** The job's costs; note the real server reports {@code total_cost_usd} 0.0 on this path. */
  public @Nullable JobCosts costs() {
    return costs;
  }

  public @Nullable Instant completedAt() {
    return completedAt;
  }

  @Override
  public String toString() {
    return "SingleCallResult{jobId="
        + jobId
        + ", status="
        + status
        + ", tokens="
        + tokensUsed()
        + "}";
  }
}
