package io.llmgateway.jobs;

import com.squareup.moshi.Json;
import org.jspecify.annotations.Nullable;

/** The {@code response} and {@code metadata} parts shared by llm-call and create-and-call. */
final class CallOutput {
  static final class Response {
    @Json(name = "content")
    @Nullable String content;

    @Json(name = "finish_reason")
    @Nullable String finishReason;
  }

  static final class Metadata {
    @Json(name = "tokens_used")
    long tokensUsed;

    @Json(name = "latency_ms")
    long latencyMs;

    @Json(name = "model")
    @Nullable String model;

    // The docs' name for the same field; the server sends "model".
    @Json(name = "model_group")
    @Nullable String modelGroup;

    @Nullable String model() {
      return model != null ? model : modelGroup;
    }
  }

  private CallOutput() {}
}
