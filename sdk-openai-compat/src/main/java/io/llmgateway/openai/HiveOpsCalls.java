package io.llmgateway.openai;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import com.openai.models.models.ModelListParams;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.openai.internal.CallScope;
import io.llmgateway.openai.internal.CallScopeInterceptor;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The facade's calls one attempt at a time, for a loop that does not block (sdk-coroutines drives
 * them with sdk-core's {@code CallDriver}). Each call is the blocking facade's: the same model
 * mapping, balance guard, interceptors, error translation, pricing and rate-limit capture. Get it
 * with {@link HiveOpsClient#calls()}. Thread-safe.
 */
public final class HiveOpsCalls {
  private final HiveOpsClient client;
  private final CallScopeInterceptor scopes;
  private final String probeModel;
  private final Duration balanceTtl;
  private final Duration modelsTtl;
  private final Clock clock;
  // This loop's caches, with the blocking facade's TTLs; an empty balance is shared with it.
  private @Nullable BalanceCheck balance;
  private @Nullable List<String> models;
  private Instant modelsAt = Instant.MIN;

  HiveOpsCalls(HiveOpsClient client, CallScopeInterceptor scopes, HiveOpsClientBuilder b) {
    this.client = client;
    this.scopes = scopes;
    this.probeModel = b.probeModel;
    this.balanceTtl = b.balanceTtl;
    this.modelsTtl = b.modelsTtl;
    this.clock = b.clock;
  }

  /**
   * One chat completion. Call {@link #guardBalance()} before the loop, and {@link #afterFailure}
   * with what it threw, as the blocking {@code chat} does.
   */
  public HiveOpsCall<ChatResult> chat(ChatCompletionCreateParams params, CallOptions options) {
    String model = client.modelMapping().map(params.model().asString());
    ChatCompletionCreateParams prepared = client.prepare(params);
    ChatCompletionCreateParams sent = prepared != null ? prepared : params;
    return HiveOpsCall.of(
        client,
        scopes,
        Endpoint.CHAT_COMPLETIONS,
        options,
        model,
        prepared != null,
        (ctx, scope) ->
            client
                .sdk()
                .async()
                .chat()
                .completions()
                .create(
                    sent.toBuilder().putAdditionalHeader(CallScope.HEADER, scope).build(),
                    HiveOpsClient.requestOptions(ctx)),
        (ctx, completion, capture) -> client.chatResult(ctx, completion, model, capture));
  }

  /** One streamed chat completion; guard and failures as for {@link #chat}. */
  public HiveOpsStreamCall stream(ChatCompletionCreateParams params, CallOptions options) {
    String model = client.modelMapping().map(params.model().asString());
    return new HiveOpsStreamCall(client, scopes, params, options, model);
  }

  /** Throws, without sending, while the balance is known to be empty (blocking calls share it). */
  public void guardBalance() {
    client.balance.guard();
  }

  /**
   * The error the facade throws for a failed call: an empty balance is remembered for the guard,
   * and an invalid model names the {@code validModels} (fetch them with {@link #models()}).
   */
  public RuntimeException afterFailure(RuntimeException e, String model, List<String> validModels) {
    return client.afterFailure(e, model, validModels);
  }

  /** The {@code /models} request; a success is cached for the TTL ({@link #cachedModels()}). */
  public HiveOpsCall<List<String>> models() {
    return HiveOpsCall.of(
        client,
        scopes,
        Endpoint.MODELS,
        CallOptions.defaults(),
        "",
        false,
        (ctx, scope) ->
            client
                .sdk()
                .async()
                .models()
                .list(
                    ModelListParams.builder().putAdditionalHeader(CallScope.HEADER, scope).build(),
                    HiveOpsClient.requestOptions(ctx)),
        (ctx, page, capture) -> {
          List<String> ids = new ArrayList<>();
          for (Model m : page.data()) {
            ids.add(m.id());
          }
          return remember(List.copyOf(ids));
        });
  }

  /** The model ids fetched within the TTL, or null. */
  public synchronized @Nullable List<String> cachedModels() {
    return models != null && clock.instant().isBefore(modelsAt.plus(modelsTtl)) ? models : null;
  }

  private synchronized List<String> remember(List<String> ids) {
    models = ids;
    modelsAt = clock.instant();
    return ids;
  }

  /**
   * The guide's balance probe: a 1-token call on the cheapest model, tried once, without the guard.
   * Turn its outcome into a {@link BalanceCheck} with {@link #balanceAfter}.
   */
  public HiveOpsCall<ChatResult> balanceProbe() {
    ChatCompletionCreateParams probe =
        ChatCompletionCreateParams.builder()
            .model(probeModel)
            .addUserMessage("test")
            .maxTokens(1)
            .build();
    return chat(probe, CallOptions.builder().retryPolicy(RetryPolicy.none()).build());
  }

  /** A balance check made within the TTL, or null. */
  public synchronized @Nullable BalanceCheck cachedBalance() {
    BalanceCheck c = balance;
    return c != null && clock.instant().isBefore(c.checkedAt().plus(balanceTtl)) ? c : null;
  }

  /**
   * What the probe said: OK when it succeeded ({@code failure} null), INSUFFICIENT for an empty
   * balance (the guard learns it too), else UNKNOWN with the reason. UNKNOWN is not cached.
   */
  public BalanceCheck balanceAfter(@Nullable LlmGatewayException failure) {
    Instant now = clock.instant();
    if (failure != null && !(failure instanceof InsufficientCreditsException)) {
      return new BalanceCheck(BalanceCheck.Status.UNKNOWN, failure.getMessage(), now);
    }
    BalanceCheck check;
    if (failure == null) {
      check =
          new BalanceCheck(
              BalanceCheck.Status.OK, "1-token probe on " + probeModel + " succeeded", now);
    } else {
      client.balance.markInsufficient(failure);
      String reason =
          failure.serverMessage().isEmpty() ? failure.getMessage() : failure.serverMessage();
      check = new BalanceCheck(BalanceCheck.Status.INSUFFICIENT, reason, now);
    }
    synchronized (this) {
      balance = check;
    }
    return check;
  }
}
