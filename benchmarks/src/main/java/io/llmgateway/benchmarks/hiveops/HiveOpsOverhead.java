package io.llmgateway.benchmarks.hiveops;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.benchmarks.Sizes;
import io.llmgateway.benchmarks.harness.AllocationMeter;
import io.llmgateway.benchmarks.harness.Overhead;
import io.llmgateway.benchmarks.harness.SideBySide;
import io.llmgateway.benchmarks.harness.WireBodies;
import io.llmgateway.benchmarks.report.Section;
import io.llmgateway.benchmarks.server.CannedBodies;
import io.llmgateway.benchmarks.server.CannedServer;
import java.io.PrintStream;
import org.jspecify.annotations.Nullable;

/** Row c: {@code HiveOpsClient.chat} against the bare OpenAI SDK's {@code create}. */
public final class HiveOpsOverhead {
  static final double GOAL = 1.05;

  private HiveOpsOverhead() {}

  public static Section run(Sizes sizes, @Nullable AllocationMeter meter, PrintStream log)
      throws Exception {
    try (CannedServer server = CannedServer.start(meter, 4)) {
      HiveOpsSetup setup = new HiveOpsSetup(server.url());
      ChatCompletionCreateParams facadeParams = HiveOpsSetup.facadeParams().build();
      ChatCompletionCreateParams bareParams = HiveOpsSetup.bareParams().build();

      server.capture(true);
      String a = setup.facade.chat(facadeParams).text();
      byte[] oursWire = server.lastBody();
      String oursHeaders = server.lastHeaders();
      String b =
          setup
              .bare
              .chat()
              .completions()
              .create(bareParams)
              .choices()
              .get(0)
              .message()
              .content()
              .orElse("");
      byte[] bareWire = server.lastBody();
      String bareHeaders = server.lastHeaders();
      server.capture(false);
      if (!a.equals(b)) {
        throw new IllegalStateException("contestants read different answers");
      }
      boolean same = WireBodies.sameJson(oursWire, bareWire);

      SideBySide.Result r =
          SideBySide.run(
              new SideBySide.Contestant(
                  "ours", () -> consume(setup.facade.chat(facadeParams).text())),
              new SideBySide.Contestant(
                  "bare",
                  () ->
                      consume(
                          setup
                              .bare
                              .chat()
                              .completions()
                              .create(bareParams)
                              .choices()
                              .get(0)
                              .message()
                              .content()
                              .orElse(""))),
              sizes.callWarmup(),
              sizes.calls(),
              sizes.allocCalls(),
              meter);
      log.println("  c: done, server saw " + server.requestCounts());
      long expected = 2L + 2L * (sizes.callWarmup() + sizes.calls() + sizes.allocCalls());

      Section s = new Section("c", "HiveOps adapter per-call overhead (chat completion)");
      s.text(HiveOpsSetup.describe());
      s.text(
          "- Wire bodies compared as JSON before the run: **"
              + (same ? "identical" : "DIFFERENT")
              + "**. Request headers (the facade drops the SDK's `X-Stainless-*` telemetry): ours "
              + oursHeaders
              + "; bare "
              + bareHeaders
              + ".\n"
              + "- Server: the canned loopback MockWebServer (TCP_NODELAY) answering `POST"
              + " /chat/completions` with a "
              + CannedBodies.chatCompletion().length
              + "-byte completion and HiveOps' five `X-RateLimit-*` headers (limits never"
              + " reached).\n"
              + "- Requests the server saw: "
              + server.requestCounts()
              + " (expected "
              + expected
              + " chat calls and nothing else: no balance probe, no /models). Throttle waits"
              + " reported by the facade: "
              + setup.throttleWaits.get()
              + ".\n"
              + "- "
              + sizes.callWarmup()
              + " warm-up calls each, "
              + sizes.calls()
              + " measured calls each in ABBA order, then "
              + sizes.allocCalls()
              + " calls each metered for allocation (client threads only).");
      if (!same) {
        s.text(
            "Wire bodies:\n\n```\nours: "
                + WireBodies.text(oursWire)
                + "\nbare: "
                + WireBodies.text(bareWire)
                + "\n```");
      }
      Overhead.report(
          s, "c", "HiveOps facade chat", r, "ours (HiveOps facade)", "bare OpenAI SDK", GOAL);
      setup.facade.close();
      setup.bare.close();
      return s;
    }
  }

  private static volatile int sink;

  private static void consume(String content) {
    sink += content.length();
  }
}
