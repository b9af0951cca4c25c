package io.llmgateway.examples;

// region saas-job
import io.llmgateway.jobs.JobResult;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.SaasLiteLlmClient;

// endregion

/** A SaaS LiteLLM job with two calls, completed exactly once. */
public final class SaasJobQuickstart {
  private SaasJobQuickstart() {}

  public static void main(String[] args) {
    // region saas-job
    // Build once and share (thread-safe); close() releases its threads and connections.
    try (SaasLiteLlmClient client =
        SaasLiteLlmClient.builder()
            .baseUrl(System.getenv("SAAS_LITELLM_BASE_URL")) // https://saas-litellm.example.com
            .teamId(System.getenv("SAAS_LITELLM_TEAM_ID"))
            .build()) { // the key: .virtualKey(...), else SAAS_LITELLM_VIRTUAL_KEY
      JobResult<String> result =
          client.runJob(
              JobSpec.of("document-analysis"),
              job -> {
                String facts =
                    job.llmCall(
                            LlmCallRequest.builder("chat-fast").user("Extract the facts").build())
                        .content();
                return job.llmCall(
                        LlmCallRequest.builder("chat-fast").user("Summarise: " + facts).build())
                    .content();
              });
      // Completed exactly once: "completed" here, "failed" with the message had the work thrown.
      System.out.println(result.value());
      System.out.println(result.usage().totalTokens() + " tokens, " + result.cost());
    }
    // endregion
  }
}
