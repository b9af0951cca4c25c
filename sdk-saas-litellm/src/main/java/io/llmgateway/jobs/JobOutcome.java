package io.llmgateway.jobs;

import io.llmgateway.internal.Redaction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How a job ends: {@code completed} or {@code failed} with an error message. Immutable. */
public final class JobOutcome {
  /** The server stores at most 1,000 characters; longer messages make it fail with a 500. */
  public static final int MAX_ERROR_MESSAGE = 1000;

  private final JobStatus status;
  private final @Nullable String errorMessage;
  private final Map<String, Object> metadata;

  private JobOutcome(
      JobStatus status, @Nullable String errorMessage, Map<String, Object> metadata) {
    this.status = status;
    this.errorMessage = errorMessage;
    this.metadata = Map.copyOf(metadata);
  }

  public static JobOutcome completed() {
    return new JobOutcome(JobStatus.COMPLETED, null, Map.of());
  }

  /** A failed job; the message is redacted and cut to {@value #MAX_ERROR_MESSAGE} characters. */
  public static JobOutcome failed(@Nullable String errorMessage) {
    String message = Redaction.redact(errorMessage);
    if (message.length() > MAX_ERROR_MESSAGE) {
      message = message.substring(0, MAX_ERROR_MESSAGE - 3) + "...";
    }
    return new JobOutcome(JobStatus.FAILED, message.isEmpty() ? null : message, Map.of());
  }

  public JobOutcome withMetadata(Map<String, Object> metadata) {
    return new JobOutcome(status, errorMessage, metadata);
  }

  /** {@link JobStatus#COMPLETED} or {@link JobStatus#FAILED}. */
  public JobStatus status() {
    return status;
  }

  public @Nullable String errorMessage() {
    return errorMessage;
  }

  public Map<String, Object> metadata() {
    return metadata;
  }

  Map<String, Object> toWire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    // The server accepts exactly "completed" or "failed", lowercase.
    wire.put("status", status.value());
    wire.put("metadata", new LinkedHashMap<>(metadata));
    if (errorMessage != null) {
      wire.put("error_message", errorMessage);
    }
    return wire;
  }

  @Override
  public String toString() {
    return "JobOutcome{" + status + (errorMessage == null ? "" : ": " + errorMessage) + "}";
  }
}
