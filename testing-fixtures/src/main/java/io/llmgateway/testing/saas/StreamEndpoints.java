package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.JobState;
import io.llmgateway.testing.internal.PyStrings;
import io.llmgateway.testing.internal.TeamState;
import io.llmgateway.testing.internal.wire.Json;
import io.llmgateway.testing.internal.wire.Responses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/**
 * The two SSE endpoints (3.5, 3.8) and their wire format (section 5). Checks before the stream
 * answer as JSON errors; after the 200, errors become one error event.
 */
final class StreamEndpoints {
  /** The TypeError the server's llm-call-stream raises at HEAD (spec 3.5). */
  static final String HEAD_BUG_TEXT =
      "'Response' object does not support the asynchronous context manager protocol";

  private StreamEndpoints() {}

  static MockResponse llmCallStream(SaasContext ctx, String jobId) {
    ctx.parseBody();
    TeamState team = ctx.authenticate();
    Map<?, ?> body = ctx.validate(Schemas.LLM_CALL);
    JobState job = JobLookup.find(ctx, jobId);
    String model = (String) body.get("model");
    ModelResolver.Resolved resolved = CallEndpoints.prepareCall(ctx, team, job, model);
    CallEngine.Outcome outcome =
        CallEngine.call(ctx, job, model, resolved, body, CallEngine.Path.STREAM);
    timeStream(ctx, outcome);
    List<String> events = new ArrayList<>();
    if (outcome.failed()) {
      addError(ctx, events, outcome.error());
    } else if (!ctx.documented && ctx.options.llmCallStreamHeadBug()) {
      // The provider was called (and billed); the row is stored as failed with the TypeError.
      job.calls.remove(outcome.call());
      job.calls.add(
          new io.llmgateway.testing.internal.CallState(
              outcome.call().callId,
              job.jobId,
              model,
              outcome.actualModel(),
              outcome.call().purpose,
              0,
              0,
              null,
              java.math.BigDecimal.ZERO,
              null,
              HEAD_BUG_TEXT,
              true,
              ctx.now()));
      events.add(data(PyStrings.errorEvent(HEAD_BUG_TEXT)));
    } else {
      addChunks(ctx, events, outcome);
    }
    return Responses.sse(events);
  }

  static MockResponse createAndCallStream(SaasContext ctx) {
    ctx.parseBody();
    TeamState team = ctx.authenticate();
    Map<?, ?> body = ctx.validate(Schemas.SINGLE_CALL);
    JobState job = CallEndpoints.startSingleCallJob(ctx, team, body);
    String model = (String) body.get("model");
    ModelResolver.Resolved resolved = CallEndpoints.resolveForSingleCall(ctx, team, job, model);
    List<String> events = new ArrayList<>();
    if (!ctx.documented) {
      events.add(": keepalive\n\n");
    }
    CallEngine.Outcome outcome =
        CallEngine.call(ctx, job, model, resolved, body, CallEngine.Path.STREAM);
    timeStream(ctx, outcome);
    if (outcome.failed()) {
      job.status = "FAILED";
      job.errorMessage = outcome.error();
      job.completedAt = ctx.now();
      addError(ctx, events, outcome.error());
    } else {
      addChunks(ctx, events, outcome);
      // The server does this after [DONE] is written and before the body ends.
      CallEndpoints.finishSingleCallJob(ctx, team, job);
    }
    return Responses.sse(events);
  }

  /**
   * The docs promise chunks as they are generated; the server buffers the provider's whole stream
   * and sends it in one burst after generation (spec section 5), keepalive first.
   */
  private static void timeStream(SaasContext ctx, CallEngine.Outcome outcome) {
    long tokens = outcome.completion() == null ? 0 : outcome.completion().completionTokens();
    if (ctx.documented) {
      ctx.req.timing.pacedStream(tokens);
    } else {
      ctx.req.timing.bufferedStream(tokens);
    }
  }

  private static void addChunks(SaasContext ctx, List<String> events, CallEngine.Outcome outcome) {
    String id = "chatcmpl-fake-" + outcome.call().callId.substring(24);
    long created = ctx.now().getEpochSecond();
    // Documented: OpenAI chunks whatever the provider, a final usage chunk, then [DONE].
    String provider = ctx.documented ? "openai" : outcome.provider();
    for (String payload :
        StreamChunks.payloads(
            provider,
            id,
            created,
            outcome.actualModel(),
            outcome.completion(),
            ctx.documented
                ? CallEngine.finishReason("openai", outcome.completion().truncated())
                : outcome.finishReason(),
            ctx.documented)) {
      events.add(data(payload));
    }
    if (provider.equals("openai") || provider.equals("fireworks")) {
      events.add(data("[DONE]"));
    }
  }

  private static void addError(SaasContext ctx, List<String> events, String error) {
    if (ctx.documented) {
      Map<String, Object> inner = new LinkedHashMap<>();
      inner.put("message", error);
      inner.put("type", "server_error");
      inner.put("code", "provider_error");
      events.add(data(Json.write(Map.of("error", inner))));
      events.add(data("[DONE]"));
    } else {
      events.add(data(PyStrings.errorEvent(error)));
    }
  }

  static String data(String payload) {
    return "data: " + payload + "\n\n";
  }
}
