package io.llmgateway.cli.hiveops;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.http.HeaderLookup;
import io.llmgateway.pipeline.AttemptContext;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.ResilientExecutor;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * HiveOps chat completions through sdk-core: one OkHttp call per attempt inside the {@link
 * ResilientExecutor} (the HiveOps retry policy, header-synced throttling), errors classified as
 * {@link Provider#HIVEOPS}. Used until the sdk-openai-compat adapter lands on this branch.
 */
public final class HiveOpsChat {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final JsonAdapter<Map<String, @Nullable Object>> MAP =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final String baseUrl;
  private final String key;
  private final OkHttpClient http;
  private final ResilientExecutor executor;
  private final ErrorClassifier classifier;
  private final Clock clock;

  public HiveOpsChat(String baseUrl, String key, ResilientExecutor executor, OkHttpClient http) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.key = key;
    this.executor = executor;
    this.http = http.newBuilder().retryOnConnectionFailure(false).build();
    this.clock = executor.clock();
    this.classifier = new ErrorClassifier(clock);
  }

  public ResilientExecutor executor() {
    return executor;
  }

  /** A chat call with the model mapped from OpenAI names; blocks, retries as the guide says. */
  public ChatReply chat(String model, String prompt, @Nullable Integer maxTokens) {
    String mapped = HiveOpsModels.map(model);
    Map<String, @Nullable Object> body = new LinkedHashMap<>();
    body.put("model", mapped);
    body.put("messages", List.of(Map.of("role", "user", "content", prompt)));
    if (maxTokens != null) {
      body.put("max_tokens", maxTokens);
    }
    String json = MAP.toJson(body);
    CallOptions options =
        CallOptions.builder()
            .requestBytes(json.length())
            .estimatedTokens(Math.max(1, json.length() / 4))
            .build();
    return executor.execute(Endpoint.CHAT_COMPLETIONS, options, ctx -> attempt(ctx, mapped, json));
  }

  private ChatReply attempt(AttemptContext ctx, String model, String json) {
    Request request =
        new Request.Builder()
            .url(baseUrl + "/chat/completions")
            .header("Authorization", "Bearer " + key)
            .header("X-Request-Id", ctx.requestId())
            .post(RequestBody.create(json, JSON))
            .build();
    OkHttpClient client = http.newBuilder().callTimeout(ctx.timeout()).build();
    try (Response response = client.newCall(request).execute()) {
      RateLimitSnapshot limits =
          RateLimitSnapshot.parse(HeaderLookup.of(response.headers()), clock.instant());
      ctx.observe(limits);
      if (!response.isSuccessful()) {
        throw classifier.classify(Provider.HIVEOPS, response);
      }
      ResponseBody body = response.body();
      Map<String, @Nullable Object> parsed = body == null ? null : MAP.fromJson(body.string());
      if (parsed == null) {
        throw classifier.classify(Provider.HIVEOPS, new IOException("empty body"));
      }
      return reply(model, parsed, limits);
    } catch (IOException e) {
      throw classifier.classify(Provider.HIVEOPS, e);
    } catch (LlmGatewayException e) {
      throw e;
    } catch (RuntimeException e) {
      throw classifier.classify(Provider.HIVEOPS, e);
    }
  }

  private static ChatReply reply(
      String model, Map<String, @Nullable Object> parsed, RateLimitSnapshot limits) {
    String content = "";
    if (parsed.get("choices") instanceof List<?> choices
        && !choices.isEmpty()
        && choices.get(0) instanceof Map<?, ?> choice
        && choice.get("message") instanceof Map<?, ?> message
        && message.get("content") instanceof String text) {
      content = text;
    }
    TokenUsage usage = TokenUsage.ZERO;
    if (parsed.get("usage") instanceof Map<?, ?> u) {
      usage = TokenUsage.of(number(u.get("prompt_tokens")), number(u.get("completion_tokens")));
    }
    return new ChatReply(model, content, usage, HiveOpsModels.PRICES.costOf(model, usage), limits);
  }

  private static long number(@Nullable Object value) {
    return value instanceof Number n ? n.longValue() : 0L;
  }
}
