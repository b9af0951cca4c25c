package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import org.jspecify.annotations.Nullable;

/** The answer to one LLM call within a job. */
public final class LlmCallResult {
  @Json(name = "call_id")
  private String callId = "";

  @Json(name = "response")
  private CallOutput.@Nullable Response response;

  @Json(name = "metadata")
  private CallOutput.@Nullable Metadata metadata;

  private LlmCallResult() {}

  public String callId() {
    return callId;
  }

  /** The model's text; null when it answered only with tool calls (which the server drops). */
  // Whether the answer had its "response" object: every real one does (AnswerChecks).
  boolean hasResponse() {
    return response != null;
  }

  public @Nullable String content() {
    return response == null ? null : response.content;
  }

  /** The provider's raw finish reason: {@code stop}, {@code end_turn}, {@code max_tokens}, ... */
  public @Nullable String finishReason() {
    return response == null ? null : response.finishReason;
  }

  /** Total tokens of the call. */
  public long tokensUsed() {
    return metadata == null ? 0 : metadata.tokensUsed;
  }

  public long latencyMs() {
    return metadata == null ? 0 : metadata.latencyMs;
  }

  /** The model the call asked for, as echoed by the server. */
  public @Nullable String model() {
    return metadata == null ? null : metadata.model();
  }

  @Override
  public String toString() {
    return "LlmCallResult{callId="
        + callId
        + ", finish="
        + finishReason()
        + ", tokens="
        + tokensUsed()
        + "}";
  }
}
