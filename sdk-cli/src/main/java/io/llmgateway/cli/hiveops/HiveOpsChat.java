package io.llmgateway.cli.hiveops;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.Provider;
import io.llmgateway.internal.call.ResilientExecutor;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.openai.BalanceCheck;
import io.llmgateway.openai.ChatResult;
import io.llmgateway.openai.HiveOpsClient;
import io.llmgateway.openai.HiveOpsClientBuilder;
import io.llmgateway.pipeline.Sleeper;
import io.llmgateway.stream.StreamResult;
import java.time.Clock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The CLI's HiveOps calls, through sdk-openai-compat's {@link HiveOpsClient} facade (model mapping,
 * typed errors, the HiveOps retry policy, header-synced throttling, balance probe, cost).
 */
public final class HiveOpsChat implements AutoCloseable {
  private final HiveOpsClient client;

  public HiveOpsChat(HiveOpsClient client) {
    this.client = client;
  }

  /**
   * A builder for {@code baseUrl} and {@code key} reporting to {@code listener} on the given time.
   */
  public static HiveOpsClientBuilder builder(
      String baseUrl, String key, CallListener listener, Clock clock, Sleeper sleeper) {
    return HiveOpsClient.builder()
        .baseUrl(baseUrl)
        .apiKey(key)
        .provider(Provider.HIVEOPS)
        .listener(listener)
        .clock(clock)
        .sleeper(sleeper);
  }

  public ResilientExecutor executor() {
    return client.executor();
  }

  /** The HiveOps name the adapter sends for {@code model}. */
  public String mapped(String model) {
    return client.modelMapping().map(model);
  }

  /** A chat call; blocks, retries as the HiveOps guide says. */
  public ChatReply chat(String model, String prompt, @Nullable Integer maxTokens) {
    ChatResult r = client.chat(params(model, prompt, maxTokens));
    TokenUsage usage = r.usage() == null ? TokenUsage.ZERO : r.usage();
    return new ChatReply(r.model(), r.text(), usage, r.cost(), r.rateLimit());
  }

  /** A streamed chat call; {@code onDelta} sees each piece of text as it arrives. */
  public ChatReply stream(String model, String prompt, Consumer<String> onDelta) {
    StreamResult r = client.stream(params(model, prompt, null), onDelta::accept);
    TokenUsage usage = r.usage() == null ? TokenUsage.ZERO : r.usage();
    return new ChatReply(r.model(), r.text(), usage, r.cost(), r.rateLimit());
  }

  /** The guide's balance check: a 1-token probe call. */
  public BalanceCheck checkBalance() {
    return client.checkBalance();
  }

  private static ChatCompletionCreateParams params(
      String model, String prompt, @Nullable Integer maxTokens) {
    ChatCompletionCreateParams.Builder b =
        ChatCompletionCreateParams.builder().model(model).addUserMessage(prompt);
    if (maxTokens != null) {
      b.maxTokens(maxTokens.longValue());
    }
    return b.build();
  }

  @Override
  public void close() {
    client.close();
  }
}
