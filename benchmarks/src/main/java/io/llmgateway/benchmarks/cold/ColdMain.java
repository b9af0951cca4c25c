package io.llmgateway.benchmarks.cold;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.llmgateway.error.Provider;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.openai.HiveOpsClient;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One contestant of row g in a JVM of its own: build the client, make one call, print the JVM's
 * uptime at the answer (what a CLI or a serverless function pays on every start), exit. Usage:
 * {@code ColdMain <raw|jobs|openai|facade|dropin> <base url>}.
 */
public final class ColdMain {
  static final String KEY = System.getProperty("cold.key", "sk-bench-0123456789abcdef");
  static final String JOB_ID = "8d3f2b9a-6c1e-4f7d-9b2a-5e4c3d2f1a0b";

  private ColdMain() {}

  public static void main(String[] args) throws Exception {
    String who = args[0];
    String url = args[1];
    String answer;
    switch (who) {
      case "raw":
        answer = raw(url);
        break;
      case "jobs":
        answer =
            SaasLiteLlmClient.builder()
                .baseUrl(url + "/")
                .teamId("acme")
                .virtualKey(KEY)
                .build()
                .llmCall(JOB_ID, LlmCallRequest.builder("chat-fast").user("Hello").build())
                .content();
        break;
      case "openai":
        OpenAIClient plain = OpenAIOkHttpClient.builder().baseUrl(url).apiKey(KEY).build();
        answer = text(plain, "llama3:8b-instruct-q8_0");
        break;
      case "facade":
        answer = hive(url).chat(params("gpt-3.5-turbo")).text();
        break;
      case "dropin":
        answer = text(hive(url).openAi(), "gpt-3.5-turbo");
        break;
      default:
        throw new IllegalArgumentException(who);
    }
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println("uptime_ms=" + uptime + " chars=" + (answer == null ? 0 : answer.length()));
    System.out.flush();
    System.exit(0);
  }

  private static HiveOpsClient hive(String url) {
    return HiveOpsClient.builder().baseUrl(url).apiKey(KEY).provider(Provider.HIVEOPS).build();
  }

  private static ChatCompletionCreateParams params(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hello").build();
  }

  private static String text(OpenAIClient client, String model) {
    return client
        .chat()
        .completions()
        .create(params(model))
        .choices()
        .get(0)
        .message()
        .content()
        .orElse("");
  }

  /** OkHttp and Moshi by hand: the floor a job client cannot go below. */
  private static String raw(String url) throws Exception {
    Moshi moshi = new Moshi.Builder().build();
    JsonAdapter<Object> json = moshi.adapter(Object.class);
    String body =
        json.toJson(
            Map.of(
                "model",
                "chat-fast",
                "messages",
                List.of(Map.of("role", "user", "content", "Hello"))));
    Request request =
        new Request.Builder()
            .url(url + "/api/jobs/" + JOB_ID + "/llm-call")
            .header("Authorization", "Bearer " + KEY)
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = (Map<String, Object>) json.fromJson(response.body().source());
      @SuppressWarnings("unchecked")
      Map<String, Object> out = (Map<String, Object>) answer.get("response");
      return String.valueOf(out.get("content"));
    }
  }
}
