package io.llmgateway.examples;

// region hiveops-chat
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.openai.ChatResult;
import io.llmgateway.openai.HiveOpsClient;

// endregion

/** A HiveOps chat through the facade: the OpenAI SDK's params and answers, made resilient. */
public final class HiveOpsChatQuickstart {
  private HiveOpsChatQuickstart() {}

  public static void main(String[] args) {
    // region hiveops-chat
    try (HiveOpsClient hive = HiveOpsClient.builder().build()) { // HIVEOPS_API_KEY, _BASE_URL
      ChatCompletionCreateParams params =
          ChatCompletionCreateParams.builder()
              .model("gpt-3.5-turbo") // mapped to llama3:8b-instruct-q8_0
              .addUserMessage("Say hello")
              .build();
      ChatResult r = hive.chat(params); // retried, throttled, priced
      System.out.println(r.text() + " (" + r.cost() + ", " + r.rateLimit() + ")");
      hive.stream(params, System.out::print); // the SDK's own stream reading
      System.out.println();
      System.out.println(hive.checkBalance()); // the guide's 1-token probe, cached
    }
    // endregion
  }
}
