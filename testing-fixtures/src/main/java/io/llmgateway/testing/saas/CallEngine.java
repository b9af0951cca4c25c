package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.CallState;
import io.llmgateway.testing.internal.FakeCompletion;
import io.llmgateway.testing.internal.JobState;
import io.llmgateway.testing.seed.AliasSeed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fake provider call behind every SaaS LLM endpoint: a deterministic completion, or the alias's
 * scripted provider error, stored as a call row with the tokens and costs each path records (spec
 * section 9).
 */
final class CallEngine {
  private CallEngine() {}

  enum Path {
    LLM_CALL,
    SINGLE_CALL,
    STREAM
  }

  record Outcome(
      CallState call,
      @Nullable FakeCompletion completion,
      String provider,
      String actualModel,
      String finishReason,
      @Nullable String error) {

    boolean failed() {
      return error != null;
    }
  }

  static Outcome call(
      SaasContext ctx,
      JobState job,
      String requestedModel,
      ModelResolver.Resolved resolved,
      Map<?, ?> body,
      Path path) {
    AliasSeed alias = resolved.alias();
    String purpose = body.get("purpose") instanceof String p ? p : null;
    if (alias != null && alias.providerError() != null) {
      String error = "500: " + alias.providerError();
      CallState failed =
          new CallState(
              ctx.store.newId(2),
              job.jobId,
              requestedModel,
              resolved.actualModel(),
              purpose,
              0,
              0,
              null,
              BigDecimal.ZERO,
              null,
              error,
              path == Path.STREAM,
              ctx.now());
      job.calls.add(failed);
      return new Outcome(failed, null, resolved.provider(), resolved.actualModel(), "", error);
    }
    List<?> messages = body.get("messages") instanceof List<?> m ? m : List.of();
    Long maxTokens = body.get("max_tokens") instanceof Number n ? n.longValue() : null;
    List<String> stops = new java.util.ArrayList<>();
    if (body.get("stop") instanceof List<?> list) {
      list.forEach(s -> stops.add(String.valueOf(s)));
    }
    FakeCompletion completion = FakeCompletion.of(messages, maxTokens, stops);

    boolean usageSeen =
        ctx.documented || path != Path.STREAM || "fireworks".equals(resolved.provider());
    long prompt = usageSeen ? completion.promptTokens() : 0;
    long output = usageSeen ? completion.completionTokens() : 0;
    double priceIn = alias == null ? 1.0 : alias.pricingInput();
    double priceOut = alias == null ? 2.0 : alias.pricingOutput();
    BigDecimal provider =
        perMillion(prompt, priceIn)
            .add(perMillion(output, priceOut))
            .setScale(8, RoundingMode.HALF_EVEN);
    BigDecimal markup =
        BigDecimal.ONE.add(BigDecimal.valueOf(ctx.team().costMarkupPercentage).movePointLeft(2));
    BigDecimal client =
        ctx.documented || path == Path.LLM_CALL
            ? provider.multiply(markup).stripTrailingZeros()
            : null;
    // The alias's latency is reported, not slept; with a real-clock latency, what was slept.
    long latency =
        ctx.req.timing.active()
            ? ctx.req.timing.generationMillis(completion.completionTokens())
            : alias == null ? 250 : alias.latencyMs();
    CallState call =
        new CallState(
            ctx.store.newId(2),
            job.jobId,
            requestedModel,
            resolved.actualModel(),
            purpose,
            prompt,
            output,
            latency,
            provider,
            client,
            null,
            path == Path.STREAM,
            ctx.now());
    job.calls.add(call);
    if (ctx.documented) {
      ctx.team().window.addTokens(ctx.now(), completion.totalTokens());
    }
    return new Outcome(
        call,
        completion,
        resolved.provider(),
        resolved.actualModel(),
        finishReason(resolved.provider(), completion.truncated()),
        null);
  }

  private static BigDecimal perMillion(long tokens, double pricePerMillion) {
    return BigDecimal.valueOf(tokens)
        .multiply(BigDecimal.valueOf(pricePerMillion))
        .movePointLeft(6)
        .setScale(8, RoundingMode.HALF_EVEN);
  }

  /** The provider's raw finish reason, which the server passes through. */
  static String finishReason(String provider, boolean truncated) {
    switch (provider) {
      case "anthropic":
        return truncated ? "max_tokens" : "end_turn";
      case "gemini":
        return truncated ? "max_tokens" : "stop";
      default:
        return truncated ? "length" : "stop";
    }
  }
}
