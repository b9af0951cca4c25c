package io.llmgateway.testing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A job's live state. {@code status} is kept in the server's UPPERCASE form. */
public final class JobState {
  public final String jobId;
  public final String teamId;
  public final @Nullable String userId;
  public final String jobType;
  public String status;
  public final Instant createdAt;
  public @Nullable Instant startedAt;
  public @Nullable Instant completedAt;
  public @Nullable Map<String, @Nullable Object> metadata;
  public @Nullable String errorMessage;
  public boolean creditApplied;
  public int completeCount;
  public int chargeCount;
  public final List<String> modelGroupsUsed = new ArrayList<>();
  public final List<CallState> calls = new ArrayList<>();

  public JobState(
      String jobId,
      String teamId,
      @Nullable String userId,
      String jobType,
      String status,
      Instant createdAt,
      @Nullable Map<String, @Nullable Object> metadata) {
    this.jobId = jobId;
    this.teamId = teamId;
    this.userId = userId;
    this.jobType = jobType;
    this.status = status;
    this.createdAt = createdAt;
    this.metadata = metadata;
  }
}
