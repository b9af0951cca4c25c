package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer to completing a job. */
public final class JobCompletion {
  @Json(name = "job_id")
  private String jobId = "";

  @Json(name = "status")
  private JobStatus status = JobStatus.of("unknown");

  @Json(name = "completed_at")
  private @Nullable Instant completedAt;

  @Json(name = "costs")
  private @Nullable JobCosts costs;

  @Json(name = "calls")
  private List<CallSummary> calls = List.of();

  // Not on the wire: set when the completion was confirmed by reading the job back.
  private transient boolean confirmedByRead;

  private JobCompletion() {}

  /**
   * A completion confirmed by reading the job after the complete request's answer was lost: the
   * status and time are known, the costs are not (read them with {@code jobCosts}).
   */
  static JobCompletion confirmedByRead(Job job) {
    JobCompletion c = new JobCompletion();
    c.jobId = job.jobId();
    c.status = job.status();
    c.completedAt = job.completedAt();
    c.confirmedByRead = true;
    return c;
  }

  /** True when the complete request's answer was lost and the job was read back instead. */
  public boolean confirmedByRead() {
    return confirmedByRead;
  }

  public String jobId() {
    return jobId;
  }

  public JobStatus status() {
    return status;
  }

  public @Nullable Instant completedAt() {
    return completedAt;
  }

  public @Nullable JobCosts costs() {
    return costs;
  }

  public List<CallSummary> calls() {
    return calls;
  }

  @Override
  public String toString() {
    return "JobCompletion{"
        + "jobId="
        + jobId
        + ", "
        + "status="
        + status
        + ", "
        + "completedAt="
        + completedAt
        + ", "
        + "costs="
        + costs
        + "}";
  }
}
