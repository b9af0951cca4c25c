package io.llmgateway.benchmarks.jobs;

import io.llmgateway.benchmarks.Sizes;
import io.llmgateway.benchmarks.harness.AllocationMeter;
import io.llmgateway.benchmarks.harness.Overhead;
import io.llmgateway.benchmarks.harness.SideBySide;
import io.llmgateway.benchmarks.harness.WireBodies;
import io.llmgateway.benchmarks.report.Section;
import io.llmgateway.benchmarks.server.CannedServer;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.LlmCallResult;
import io.llmgateway.jobs.SaasLiteLlmClient;
import java.io.PrintStream;
import java.util.List;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Row b: {@code SaasLiteLlmClient.llmCall} with its default policies against {@link RawJobCall} on
 * the same canned server, alternating calls.
 */
public final class JobCallOverhead {
  static final double GOAL = 1.10;
  private static final String KEY = "sk-bench-0123456789abcdef";
  private static final String JOB_ID = "8d3f2b9a-6c1e-4f7d-9b2a-5e4c3d2f1a0b";

  private JobCallOverhead() {}

  public static Section run(Sizes sizes, @Nullable AllocationMeter meter, PrintStream log)
      throws Exception {
    try (CannedServer server = CannedServer.start(meter, 4)) {
      SaasLiteLlmClient ours =
          SaasLiteLlmClient.builder()
              .baseUrl(server.url() + "/")
              .teamId("acme")
              .virtualKey(KEY)
              .build();
      LlmCallRequest request =
          LlmCallRequest.builder("chat-fast")
              .system("You are brief.")
              .user("Tell me a story about a lighthouse")
              .purpose("bench")
              .temperature(0.7)
              .maxTokens(200)
              .build();
      RawJobCall raw = new RawJobCall(new OkHttpClient(), server.url(), KEY);
      RawJobCall.Body body = new RawJobCall.Body();
      body.model = "chat-fast";
      body.messages =
          List.of(
              new RawJobCall.Message("system", "You are brief."),
              new RawJobCall.Message("user", "Tell me a story about a lighthouse"));
      body.purpose = "bench";
      body.temperature = 0.7;
      body.maxTokens = 200;

      server.capture(true);
      LlmCallResult first = ours.llmCall(JOB_ID, request);
      byte[] oursWire = server.lastBody();
      String oursHeaders = server.lastHeaders();
      RawJobCall.Answer rawFirst = raw.llmCall(JOB_ID, body);
      byte[] rawWire = server.lastBody();
      String rawHeaders = server.lastHeaders();
      server.capture(false);
      if (!String.valueOf(first.content()).equals(String.valueOf(rawFirst.response.content))) {
        throw new IllegalStateException("contestants read different answers");
      }
      boolean same = WireBodies.sameJson(oursWire, rawWire);

      SideBySide.Result r =
          SideBySide.run(
              new SideBySide.Contestant(
                  "ours", () -> consume(ours.llmCall(JOB_ID, request).content())),
              new SideBySide.Contestant(
                  "raw", () -> consume(raw.llmCall(JOB_ID, body).response.content)),
              sizes.callWarmup(),
              sizes.calls(),
              sizes.allocCalls(),
              meter);
      log.println("  b: done, server saw " + server.requestCounts());

      Section s = new Section("b", "Job client per-call overhead (SaaS LiteLLM llm-call)");
      s.text(
          "- **ours**: `SaasLiteLlmClient.llmCall(jobId, request)` built with"
              + " `SaasLiteLlmClient.builder().baseUrl(..).teamId(..).virtualKey(..).build()`:"
              + " default retry policy (never used: every answer is 200), default header-learning"
              + " throttle, circuit breaker, per-endpoint timeout, metrics and call logging (SLF4J"
              + " bound to slf4j-nop), a client request id header, the virtual key added by an"
              + " interceptor; per call the request is written as JSON with Moshi's `JsonWriter`"
              + " and sent with OkHttp, and the answer is parsed by a Moshi adapter from the body's"
              + " bytes into `LlmCallResult`.\n"
              + "- **raw**: OkHttp 4.12 (`new OkHttpClient()`) + Moshi 1.15: per call a typed"
              + " request serialised with a Moshi adapter, `POST /api/jobs/{id}/llm-call` with the"
              + " bearer key, status check, the answer parsed from the body stream into a small"
              + " typed class (call id, content, finish reason, tokens, latency, model).\n"
              + "- Same request (model alias, system + user message, purpose, temperature,"
              + " max_tokens) built once. Wire bodies compared as JSON before the run: **"
              + (same ? "identical" : "DIFFERENT")
              + "**. Request headers: ours "
              + oursHeaders
              + "; raw "
              + rawHeaders
              + ".\n"
              + "- Server: the canned loopback MockWebServer (TCP_NODELAY) whose dispatcher"
              + " answers "
              + io.llmgateway.benchmarks.server.CannedBodies.llmCall().length
              + " bytes of JSON with uvicorn's headers (no rate-limit headers, as the real"
              + " server).\n"
              + "- "
              + sizes.callWarmup()
              + " warm-up calls each, then "
              + sizes.calls()
              + " measured calls each in ABBA order, each call timed alone (HdrHistogram);"
              + " then "
              + sizes.allocCalls()
              + " calls each metered for allocation (client threads only, server threads"
              + " excluded).");
      if (!same) {
        s.text(
            "Wire bodies:\n\n```\nours: "
                + WireBodies.text(oursWire)
                + "\nraw:  "
                + WireBodies.text(rawWire)
                + "\n```");
      }
      Overhead.report(
          s, "b", "job client llm-call", r, "ours (job client)", "raw OkHttp + Moshi", GOAL);
      return s;
    }
  }

  private static volatile int sink;

  private static void consume(@Nullable String content) {
    sink += content == null ? 0 : content.length();
  }
}
