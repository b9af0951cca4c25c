package io.llmgateway.benchmarks.hiveops;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.error.Provider;
import io.llmgateway.metrics.Throttled;
import io.llmgateway.openai.HiveOpsClient;
import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two HiveOps contestants of rows c and d, configured alike: our facade with its defaults
 * except a throttle whose limits are never reached (kept on, so its cost is measured), and the bare
 * OpenAI SDK with its retries off.
 */
public final class HiveOpsSetup {
  public static final String KEY = "sk-bench-0123456789abcdef";

  /** Throttle limits per minute, far above anything a run sends. */
  public static final long THROTTLE_REQUESTS = 1_000_000_000L;

  public static final long THROTTLE_TOKENS = 1_000_000_000_000L;

  /** Throttle waits the facade reported (the {@link Throttled} event); must stay 0. */
  public final AtomicLong throttleWaits = new AtomicLong();

  public final HiveOpsClient facade;
  public final OpenAIClient bare;

  public HiveOpsSetup(String baseUrl) {
    this.facade =
        HiveOpsClient.builder()
            .baseUrl(baseUrl)
            .apiKey(KEY)
            .provider(Provider.HIVEOPS)
            .rateLimiter(
                RateLimiter.of(
                    RateLimitConfig.custom()
                        .requestsPerWindow(THROTTLE_REQUESTS)
                        .tokensPerWindow(THROTTLE_TOKENS)
                        .window(Duration.ofMinutes(1))
                        .build()))
            .listener(
                event -> {
                  if (event instanceof Throttled) {
                    throttleWaits.incrementAndGet();
                  }
                })
            .build();
    this.bare = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(KEY).maxRetries(0).build();
  }

  /**
   * The facade's request: an OpenAI model name its mapping turns into {@code
   * llama3:8b-instruct-q8_0}, and an explicit max_tokens so its guard changes nothing.
   */
  public static ChatCompletionCreateParams.Builder facadeParams() {
    return common().model("gpt-3.5-turbo");
  }

  /** The bare SDK's request: the same, with the HiveOps model id written directly. */
  public static ChatCompletionCreateParams.Builder bareParams() {
    return common().model("llama3:8b-instruct-q8_0");
  }

  /**
   * A one-message request with {@code max_tokens}. The SDK deprecates {@code maxTokens} for {@code
   * max_completion_tokens}, but HiveOps documents only {@code max_tokens}.
   */
  @SuppressWarnings("deprecation")
  public static ChatCompletionCreateParams ask(String model, String text, long maxTokens) {
    return ChatCompletionCreateParams.builder()
        .model(model)
        .addUserMessage(text)
        .maxTokens(maxTokens)
        .build();
  }

  // HiveOps documents max_tokens only, which the SDK deprecates for max_completion_tokens.
  @SuppressWarnings("deprecation")
  private static ChatCompletionCreateParams.Builder common() {
    return ChatCompletionCreateParams.builder()
        .addSystemMessage("You are brief.")
        .addUserMessage("Tell me a story about a lighthouse")
        .temperature(0.7)
        .maxTokens(200);
  }

  /** Markdown describing both configurations, shared by rows c and d. */
  public static String describe() {
    return "- **ours (HiveOps facade)**: `HiveOpsClient.builder().baseUrl(..).apiKey(..)"
        + ".provider(HIVEOPS).rateLimiter(..).build()`, every other setting default: model"
        + " mapping (`gpt-3.5-turbo` -> `llama3:8b-instruct-q8_0`) and max_tokens guard"
        + " (applied to a chat call's params before the SDK serialises them; a stream's request"
        + " is rewritten on the wire), error translation, rate-limit header capture, cost,"
        + " HiveOps retry policy (unused: every answer is 200), circuit breaker, metrics and"
        + " logging (slf4j-nop). The **throttle is on** but configured with "
        + String.format(java.util.Locale.ROOT, "%,d", THROTTLE_REQUESTS)
        + " requests and "
        + String.format(java.util.Locale.ROOT, "%,d", THROTTLE_TOKENS)
        + " tokens per minute (HiveOps' default 60 a minute would make the run wait), and it"
        + " learns from the server's `X-RateLimit-*` headers as by default. The **balance"
        + " guard is on** (default): it never probes by itself, it only refuses calls while a"
        + " cached check says the balance is empty, so no probe call is made (the server's"
        + " request counts below prove it).\n"
        + "- **bare OpenAI SDK 4.101.0**: `OpenAIOkHttpClient.builder().baseUrl(..).apiKey(..)"
        + ".maxRetries(0).build()`, the request written with the HiveOps model id.\n"
        + "- Same system + user message, temperature 0.7, max_tokens 200.";
  }
}
