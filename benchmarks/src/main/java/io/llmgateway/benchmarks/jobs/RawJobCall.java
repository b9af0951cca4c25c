package io.llmgateway.benchmarks.jobs;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The baseline for row b: what a careful hand-written client does for {@code POST
 * /api/jobs/{id}/llm-call} with OkHttp and Moshi. Per call it serialises a typed request with a
 * Moshi adapter, sends it with the bearer key, checks the status and parses the answer from the
 * body's stream into a small typed class. No retries, throttle, breaker, metrics or logs.
 */
final class RawJobCall {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** The request body, field for field what the job client sends. */
  static final class Body {
    String model = "";
    List<Message> messages = List.of();
    @Nullable String purpose;
    @Nullable Double temperature;

    @Json(name = "max_tokens")
    @Nullable Integer maxTokens;
  }

  static final class Message {
    String role;
    String content;

    Message(String role, String content) {
      this.role = role;
      this.content = content;
    }
  }

  /** The part of the answer a caller reads. */
  static final class Answer {
    @Json(name = "call_id")
    String callId = "";

    @Nullable Output response;
    @Nullable Meta metadata;
  }

  static final class Output {
    @Nullable String content;

    @Json(name = "finish_reason")
    @Nullable String finishReason;
  }

  static final class Meta {
    @Json(name = "tokens_used")
    long tokensUsed;

    @Json(name = "latency_ms")
    long latencyMs;

    @Nullable String model;
  }

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final String authorization;
  private final JsonAdapter<Body> requestAdapter;
  private final JsonAdapter<Answer> answerAdapter;

  RawJobCall(OkHttpClient http, String baseUrl, String key) {
    this.http = http;
    this.baseUrl = HttpUrl.get(baseUrl);
    this.authorization = "Bearer " + key;
    Moshi moshi = new Moshi.Builder().build();
    this.requestAdapter = moshi.adapter(Body.class);
    this.answerAdapter = moshi.adapter(Answer.class);
  }

  Answer llmCall(String jobId, Body body) throws IOException {
    Request request =
        new Request.Builder()
            .url(
                baseUrl
                    .newBuilder()
                    .addPathSegments("api/jobs")
                    .addPathSegment(jobId)
                    .addPathSegment("llm-call")
                    .build())
            .header("Authorization", authorization)
            .post(RequestBody.create(requestAdapter.toJson(body), JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody responseBody = response.body();
      if (!response.isSuccessful() || responseBody == null) {
        throw new IOException("HTTP " + response.code());
      }
      Answer answer = answerAdapter.fromJson(responseBody.source());
      if (answer == null) {
        throw new IOException("empty answer");
      }
      return answer;
    }
  }
}
