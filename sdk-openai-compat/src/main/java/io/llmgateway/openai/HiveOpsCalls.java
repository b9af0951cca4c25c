package io.llmgateway.openai;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.InvalidModelException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.StreamErrorEventException;
import io.llmgateway.internal.call.CallHooks;
import io.llmgateway.internal.call.CallRuntime;
import io.llmgateway.internal.call.GatewayCall;
import io.llmgateway.internal.call.RetryingCall;
import io.llmgateway.internal.call.StreamingCall;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.retry.RetryPolicy;
import java.util.List;

/**
 * Every facade request as a {@link GatewayCall}, written once: the blocking facade {@code
 * execute()}s these, and sdk-coroutines {@code await()}s them. Each carries the facade's model
 * mapping, balance guard, pricing and error follow-ups. Thread-safe.
 */
public final class HiveOpsCalls {
  private final CallRuntime rt;
  private final HiveOpsRequests requests;
  private final Pricing pricing;
  private final BalanceProbe balance;
  private final ModelCatalog catalog;

  HiveOpsCalls(CallRuntime rt, HiveOpsRequests requests, Pricing pricing, HiveOpsClientBuilder b) {
    this.rt = rt;
    this.requests = requests;
    this.pricing = pricing;
    this.balance =
        new BalanceProbe(
            this::probe,
            b.probeModel,
            b.balanceTtl,
            b.balanceGuard,
            b.clock,
            b.sleeper,
            rt.provider());
    this.catalog =
        new ModelCatalog(
            () ->
                new RetryingCall<>(
                    rt,
                    Endpoint.MODELS,
                    CallOptions.defaults(),
                    new ModelsAttempt(requests),
                    CallHooks.NONE),
            b.modelsTtl,
            b.clock,
            b.sleeper);
  }

  /** One chat completion: mapped, guarded, retried, throttled and priced. */
  public GatewayCall<ChatResult> chat(ChatCompletionCreateParams params, CallOptions options) {
    String model = requests.bodies().map(params.model().asString());
    return new RetryingCall<>(
        rt,
        Endpoint.CHAT_COMPLETIONS,
        options,
        new ChatAttempt(requests, params, model, pricing),
        CallHooks.of(balance::guard, e -> afterFailure(e, model)));
  }

  /** One streamed chat completion, retried only before its first chunk. */
  public StreamingCall stream(ChatCompletionCreateParams params, CallOptions options) {
    String model = requests.bodies().map(params.model().asString());
    return new StreamingCall(
        rt,
        Endpoint.CHAT_COMPLETIONS_STREAM,
        options,
        new HiveOpsStreamSpec(requests, params, model, rt.provider(), rt.classifier(), pricing),
        CallHooks.of(balance::guard, e -> afterFailure(e, model)));
  }

  /** Model ids the gateway accepts, from {@code /models}, cached for the TTL. */
  public GatewayCall<List<String>> models() {
    return catalog.models();
  }

  /** The guide's balance probe, cached for the TTL, single-flight. Never fails for an answer. */
  public GatewayCall<BalanceCheck> checkBalance() {
    return balance.check();
  }

  /** The probe: a 1-token call on the cheapest model, tried once, past the guard. */
  private GatewayCall<ChatResult> probe() {
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder()
            .model(balance.model())
            .addUserMessage("test")
            .maxTokens(1)
            .build();
    String model = requests.bodies().map(params.model().asString());
    return new RetryingCall<>(
        rt,
        Endpoint.CHAT_COMPLETIONS,
        CallOptions.builder().retryPolicy(RetryPolicy.none()).build(),
        new ChatAttempt(requests, params, model, pricing),
        CallHooks.NONE);
  }

  /**
   * The error the facade throws: an empty balance is remembered for the guard, and an invalid model
   * names the valid ones (from {@code /models}, cached).
   */
  RuntimeException afterFailure(RuntimeException e, String model) {
    if (e instanceof InsufficientCreditsException || isBalanceEvent(e)) {
      balance.markInsufficient((LlmGatewayException) e);
    }
    if (e instanceof InvalidModelException) {
      InvalidModelException m = (InvalidModelException) e;
      List<String> valid = catalog.modelsQuietly();
      String rejected = m.model().isEmpty() ? model : m.model();
      return new InvalidModelException(
          m.getMessage() + (valid.isEmpty() ? "" : "; valid models: " + String.join(", ", valid)),
          m.details(),
          rejected,
          valid);
    }
    return e;
  }

  /** An empty balance reported as an error event inside a 200 stream. */
  private static boolean isBalanceEvent(RuntimeException e) {
    if (!(e instanceof StreamErrorEventException)) {
      return false;
    }
    StreamErrorEventException s = (StreamErrorEventException) e;
    return "insufficient_balance".equals(s.code())
        || "insufficient_quota".equals(s.code())
        || "insufficient_quota".equals(s.type());
  }
}
