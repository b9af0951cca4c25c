package io.llmgateway.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a new job is: its type, an optional user id and metadata, and (for {@link
 * SaasLiteLlmClient#runJob} scopes only, never sent) a local {@link JobBudget}. Immutable.
 */
public final class JobSpec {
  /** The server stores job types in a 100-character column; longer ones fail with a 500. */
  public static final int MAX_JOB_TYPE_LENGTH = 100;

  private final String jobType;
  private final @Nullable String userId;
  private final Map<String, Object> metadata;
  private final @Nullable JobBudget budget;

  private JobSpec(
      String jobType,
      @Nullable String userId,
      Map<String, Object> metadata,
      @Nullable JobBudget budget) {
    if (jobType.isEmpty() || jobType.length() > MAX_JOB_TYPE_LENGTH) {
      throw new IllegalArgumentException(
          "job type must be 1 to " + MAX_JOB_TYPE_LENGTH + " characters, was " + jobType.length());
    }
    if (userId != null && userId.length() > 255) {
      throw new IllegalArgumentException("user id must be at most 255 characters");
    }
    this.jobType = jobType;
    this.userId = userId;
    this.metadata = Map.copyOf(metadata);
    this.budget = budget;
  }

  public static JobSpec of(String jobType) {
    return new JobSpec(jobType, null, Map.of(), null);
  }

  public JobSpec withUserId(@Nullable String userId) {
    return new JobSpec(jobType, userId, metadata, budget);
  }

  public JobSpec withMetadata(Map<String, Object> metadata) {
    return new JobSpec(jobType, userId, metadata, budget);
  }

  /**
   * A spending limit checked before each call of a {@link SaasLiteLlmClient#runJob} scope; ignored
   * by {@code createJob} and {@code createAndCall}.
   */
  public JobSpec withBudget(@Nullable JobBudget budget) {
    return new JobSpec(jobType, userId, metadata, budget);
  }

  public String jobType() {
    return jobType;
  }

  public @Nullable String userId() {
    return userId;
  }

  public Map<String, Object> metadata() {
    return metadata;
  }

  public @Nullable JobBudget budget() {
    return budget;
  }

  /** Fields for {@code /jobs/create}; {@code metadataKey} differs on create-and-call. */
  Map<String, Object> toWire(String teamId, String metadataKey) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("team_id", teamId);
    wire.put("job_type", jobType);
    if (userId != null) {
      wire.put("user_id", userId);
    }
    // Always an object: a null metadata makes a later complete fail on the real server.
    wire.put(metadataKey, new LinkedHashMap<>(metadata));
    return wire;
  }

  @Override
  public String toString() {
    return "JobSpec{" + jobType + "}";
  }
}
