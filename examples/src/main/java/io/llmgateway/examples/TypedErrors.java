package io.llmgateway.examples;

// region typed-errors
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.RateLimitedException;
import io.llmgateway.error.ValidationException;
import io.llmgateway.openai.HiveOpsClient;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

// endregion

/** Typed errors: from the clients, and from the classifier over your own HTTP calls. */
public final class TypedErrors {
  private TypedErrors() {}

  public static void main(String[] args) throws IOException {
    String baseUrl = System.getenv("HIVEOPS_BASE_URL");
    try (HiveOpsClient hive = HiveOpsClient.builder().build()) {
      System.out.println(
          answer(
              hive,
              ChatCompletionCreateParams.builder().model("gpt-4").addUserMessage("Hi").build()));
    }
    OkHttpClient okHttp = new OkHttpClient();
    Request request =
        new Request.Builder()
            .url(baseUrl + "/models")
            .header("Authorization", "Bearer sk-wrong")
            .build();
    try {
      System.out.println(get(okHttp, request));
    } catch (LlmGatewayException e) {
      System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }

  // region typed-errors
  static String answer(HiveOpsClient hive, ChatCompletionCreateParams params) {
    try {
      return hive.chat(params).text();
    } catch (InsufficientCreditsException e) {
      return "add credits: " + e.serverMessage(); // never retried
    } catch (RateLimitedException e) {
      return "try again in " + e.retryAfter(); // the server's hint, if it gave one
    } catch (ValidationException e) {
      return "fix the request: " + e.fieldErrors();
    } catch (LlmGatewayException e) {
      return (e.isRetryable() ? "retry later: " : "give up: ") + e.getMessage();
    }
  }

  // The same types for your own OkHttp calls: Provider.HIVEOPS or Provider.SAAS_LITELLM.
  static String get(OkHttpClient okHttp, Request request) {
    ErrorClassifier classifier = ErrorClassifier.create();
    try (Response response = okHttp.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw classifier.classify(Provider.HIVEOPS, response);
      }
      return response.body().string();
    } catch (IOException e) {
      throw classifier.classify(Provider.HIVEOPS, e);
    }
  }
  // endregion
}
