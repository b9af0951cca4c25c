package io.llmgateway.testing.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A job as it stands. {@code status} is UPPERCASE whatever the mode; {@code completeCount} is how
 * many times complete was called and {@code chargeCount} how many of those deducted credits.
 */
public record JobSnapshot(
    String jobId,
    String teamId,
    String jobType,
    String status,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant completedAt,
    @Nullable Map<String, @Nullable Object> metadata,
    @Nullable String errorMessage,
    boolean creditApplied,
    int completeCount,
    int chargeCount,
    List<String> modelGroupsUsed,
    List<CallSnapshot> calls) {

  public JobSnapshot {
    modelGroupsUsed = List.copyOf(modelGroupsUsed);
    calls = List.copyOf(calls);
  }
}
