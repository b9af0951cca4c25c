package io.llmgateway.benchmarks.ratelimit;

import com.openai.client.OpenAIClient;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HiveOps guide's {@code call_with_retry(max_retries=5)} in Java over the bare OpenAI SDK (its
 * own retries off): up to 5 attempts; on a {@link RateLimitException} wait {@code 2^attempt +
 * uniform(0, 1)} seconds and try again, re-raising after the last; any other error is re-raised at
 * once.
 */
final class NaiveRetryLoop {
  static final int MAX_RETRIES = 5;

  private NaiveRetryLoop() {}

  static void call(OpenAIClient client, ChatCompletionCreateParams params)
      throws InterruptedException {
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      try {
        client.chat().completions().create(params);
        return;
      } catch (RateLimitException e) {
        if (attempt == MAX_RETRIES - 1) {
          throw e;
        }
        double wait = Math.pow(2, attempt) + ThreadLocalRandom.current().nextDouble();
        Thread.sleep((long) (wait * 1000));
      }
    }
  }
}
