package io.llmgateway.cli.demo;

import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.console.RootCommand;
import io.llmgateway.cli.console.Roots;
import io.llmgateway.error.LlmGatewayException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code llmgw demo}: the SDK on the embedded fake gateway, no key, no network. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Walk through the SDK on an embedded fake gateway: no key, no network, seconds.",
      "Shows a job with three calls and its costs, a cut stream, the error table live, a burst",
      "beyond the rate limit, HiveOps with model mapping and balance check, and metrics.",
      "Waits are virtual: backoff and throttle waits are counted at full length but skipped."
    },
    footer = {"", ExitCodes.TABLE})
public final class DemoCommand implements Callable<Integer> {
  @ParentCommand @Nullable RootCommand root;

  @Option(names = "--json", description = "print one JSON object per demo result")
  boolean json;

  @Override
  public Integer call() {
    Env env = Roots.env(root);
    Printer out = new Printer(env, json, DemoGateway.SAAS_KEY);
    List<Result> results = new ArrayList<>();
    out.line(
        "llmgw demo: the LLM Gateway SDK against an embedded fake gateway (no key, no network)");
    out.line(
        "Waits are shortened: the demo runs on a virtual clock, so every backoff and throttle");
    out.line("wait is counted at its real length but skipped. Latencies are real.");
    long start = System.nanoTime();
    try (DemoGateway gateway = DemoGateway.start(new CallTally())) {
      long startupMs = (System.nanoTime() - start) / 1_000_000;
      out.line("Fake gateway on " + gateway.fake().url() + " (SaaS LiteLLM and HiveOps)");
      heading(out, "1. A SaaS LiteLLM job: three calls, completed once");
      Result job = JobSection.run(gateway, out);
      results.add(job);
      heading(out, "2. A stream cut mid-way");
      results.add(StreamSection.run(gateway, out, "demo"));
      heading(out, "3. The SaaS guide's error table, live (llm-call, fault-scripted)");
      results.addAll(ErrorTableSection.run(gateway, out));
      heading(out, "4. A burst beyond the HiveOps rate limit");
      Result burst = BurstSection.run(gateway, out, "demo");
      results.add(burst);
      heading(out, "5. HiveOps: model mapping, balance check, cost");
      Result hive = HiveOpsSection.run(gateway, out, "demo");
      results.add(hive);
      heading(out, "6. Metrics (client.metrics().snapshot())");
      results.add(MetricsSection.run("saas-litellm", gateway.saas().metrics(), cost(job), out));
      results.add(
          MetricsSection.run(
              "hiveops", gateway.hive().metrics(), cost(burst).add(cost(hive)), out));
      out.line("  (latency includes retry and throttle waits, which ran on the virtual clock)");
      out.line("");
      out.line(
          "Virtual waiting skipped in total: "
              + gateway.clock().skipped().toMillis() / 1000.0
              + " s");
      out.line("Next: `llmgw doctor --provider hiveops` against your gateway, or `llmgw --help`.");
      // Every section's startup: the embedded fake and its clients, started once for all.
      results.forEach(r -> r.startupMs(startupMs));
    } catch (LlmGatewayException e) {
      return out.result(Result.failed("demo", e.provider().id(), e));
    }
    if (json) {
      for (Result r : results) {
        out.result(r);
      }
    }
    return ExitCodes.OK;
  }

  private static BigDecimal cost(Result r) {
    Object cost = r.get("cost_usd");
    return cost instanceof String usd ? new BigDecimal(usd) : BigDecimal.ZERO;
  }

  private static void heading(Printer out, String title) {
    out.line("");
    out.line("== " + title);
  }
}
