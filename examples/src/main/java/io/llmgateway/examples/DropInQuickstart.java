package io.llmgateway.examples;

// region drop-in
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.openai.HiveOpsClient;

// endregion

/** Code written for the OpenAI Java SDK, unchanged but for where its client comes from. */
public final class DropInQuickstart {
  private DropInQuickstart() {}

  public static void main(String[] args) {
    // region drop-in
    try (HiveOpsClient hive = HiveOpsClient.builder().build()) { // HIVEOPS_API_KEY, _BASE_URL
      // was: OpenAIClient client = OpenAIOkHttpClient.fromEnv();
      OpenAIClient client = hive.openAi(); // the rest of your code is unchanged
      ChatCompletionCreateParams params =
          ChatCompletionCreateParams.builder()
              .model("gpt-3.5-turbo") // mapped to llama3:8b-instruct-q8_0
              .addUserMessage("Say hello")
              .build();
      ChatCompletion completion = client.chat().completions().create(params);
      System.out.println(completion.choices().get(0).message().content().orElse(""));
    }
    // endregion
  }
}
