package io.llmgateway.jobs;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A job's status as the server sent it: an open value, compared case-insensitively (the real server
 * says {@code COMPLETED}, the docs {@code completed}), so an unknown status never breaks parsing.
 */
public final class JobStatus {
  public static final JobStatus PENDING = new JobStatus("pending");
  public static final JobStatus IN_PROGRESS = new JobStatus("in_progress");
  public static final JobStatus COMPLETED = new JobStatus("completed");
  public static final JobStatus FAILED = new JobStatus("failed");
  public static final JobStatus CANCELLED = new JobStatus("cancelled");

  private final String value;

  private JobStatus(String value) {
    this.value = value;
  }

  /** The status for {@code value}, whatever its case. */
  public static JobStatus of(String value) {
    return new JobStatus(value);
  }

  /** The text the server sent, as sent. */
  public String value() {
    return value;
  }

  /** True for completed, failed and cancelled jobs. */
  public boolean isTerminal() {
    return equals(COMPLETED) || equals(FAILED) || equals(CANCELLED);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof JobStatus && ((JobStatus) o).value.equalsIgnoreCase(value);
  }

  @Override
  public int hashCode() {
    return value.toLowerCase(Locale.ROOT).hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
