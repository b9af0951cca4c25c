package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import org.jspecify.annotations.Nullable;

/** One call of a job, as listed when the job completes. */
public final class CallSummary {
  @Json(name = "call_id")
  private String callId = "";

  @Json(name = "purpose")
  private @Nullable String purpose;

  @Json(name = "model_group")
  private @Nullable String modelGroup;

  @Json(name = "tokens")
  private long tokens;

  @Json(name = "latency_ms")
  private @Nullable Long latencyMs;

  @Json(name = "error")
  private @Nullable String error;

  private CallSummary() {}

  public String callId() {
    return callId;
  }

  public @Nullable String purpose() {
    return purpose;
  }

  /** The model (alias) the call asked for. */
  public @Nullable String modelGroup() {
    return modelGroup;
  }

  public long tokens() {
    return tokens;
  }

  public @Nullable Long latencyMs() {
    return latencyMs;
  }

  /** The error text of a failed call, else null. */
  public @Nullable String error() {
    return error;
  }

  @Override
  public String toString() {
    return "CallSummary{"
        + "callId="
        + callId
        + ", "
        + "purpose="
        + purpose
        + ", "
        + "modelGroup="
        + modelGroup
        + ", "
        + "tokens="
        + tokens
        + "}";
  }
}
