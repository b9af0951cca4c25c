package io.llmgateway.androidcheck;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.error.TeamSuspendedException;
import io.llmgateway.jobs.JobResult;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.openai.ChatResult;
import io.llmgateway.openai.HiveOpsClient;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;

/**
 * The app that R8 shrinks: the calls an Android app makes, each printed on one line for the test to
 * read (whole answers through their {@code toString()}, so a field that the shrunk app no longer
 * reads shows up as a difference). Class names are written as literals: the shrunk app's own are
 * obfuscated. Arguments: the fake gateway's base URL.
 */
public final class SampleApp {
  private SampleApp() {}

  public static void main(String[] args) {
    String base = args[0];
    try (SaasLiteLlmClient jobs = jobClient(base, "acme", "sk-fake-acme")) {
      JobResult<String> job =
          jobs.runJob(JobSpec.of("android-check"), scope -> scope.llmCall(ask("Say hi")).content());
      System.out.println("job: " + job.value() + " | " + job.completion());
      System.out.println("models: " + jobs.models());
      System.out.println("credits: " + jobs.creditBalance());
      StringBuilder text = new StringBuilder();
      try (ChunkStream stream = jobs.createAndCallStream(JobSpec.of("android-check"), ask("Hi"))) {
        for (StreamChunk chunk : stream) {
          text.append(chunk.textDelta());
        }
        System.out.println("stream: " + text + " | " + stream.result().finishReason());
      }
    }
    try (SaasLiteLlmClient suspended = jobClient(base, "umbrella", "sk-fake-umbrella")) {
      suspended.createJob(JobSpec.of("android-check"));
      System.out.println("typed error: none");
    } catch (TeamSuspendedException e) {
      System.out.println("typed error: TeamSuspendedException " + e.status());
    }
    try (HiveOpsClient hive =
        HiveOpsClient.builder().baseUrl(base).apiKey("sk-fake-hive").build()) {
      ChatResult chat =
          hive.chat(
              ChatCompletionCreateParams.builder()
                  .model("gpt-3.5-turbo")
                  .addUserMessage("Say hi")
                  .build());
      System.out.println("chat: " + chat.text() + " | " + chat.model() + " | " + chat.usage());
    }
  }

  private static SaasLiteLlmClient jobClient(String base, String team, String key) {
    return SaasLiteLlmClient.builder().baseUrl(base).teamId(team).virtualKey(key).build();
  }

  private static LlmCallRequest ask(String prompt) {
    return LlmCallRequest.builder("chat-fast").user(prompt).build();
  }
}
