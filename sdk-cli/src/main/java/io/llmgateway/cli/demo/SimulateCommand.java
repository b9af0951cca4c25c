package io.llmgateway.cli.demo;

import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.console.RootCommand;
import io.llmgateway.cli.console.Roots;
import io.llmgateway.jobs.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code llmgw simulate NAME}: one named fault scenario against the embedded fake gateway. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a named fault scenario against an embedded fake gateway and report what the SDK did.",
      "Waits are virtual (counted, not slept). The exit code is the outcome's family.",
      "Scenarios: bad-request, unauthorized, no-credits, not-found, validation, rate-limited,",
      "server-error, unavailable, timeout, connection, stream-cut, rate-limit-burst (--list)."
    },
    footer = {"", ExitCodes.TABLE})
public final class SimulateCommand implements Callable<Integer> {
  @ParentCommand @Nullable RootCommand root;

  @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "the scenario to run")
  @Nullable String scenario;

  @Option(names = "--list", description = "list the scenarios")
  boolean list;

  @Option(names = "--json", description = "print one JSON object per result")
  boolean json;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Env env = Roots.env(root);
    Printer out = new Printer(env, json, DemoGateway.SAAS_KEY);
    if (list || scenario == null) {
      return list(env, out);
    }
    Optional<Scenario> named = Scenarios.named(scenario);
    if (named.isEmpty()
        && !Scenarios.STREAM_CUT.equals(scenario)
        && !Scenarios.BURST.equals(scenario)) {
      return out.result(
          Result.failed(
              "simulate",
              "fake",
              ExitCodes.USAGE,
              "unknown scenario " + scenario + "; see --list"));
    }
    try (DemoGateway gateway = DemoGateway.start(new CallTally())) {
      Result result;
      if (named.isPresent()) {
        out.progress(
            "simulating "
                + named.get().status()
                + ": "
                + named.get().description()
                + " (waits counted, skipped on a virtual clock)");
        String jobId = gateway.saas().createJob(JobSpec.of("simulate")).jobId();
        result = ScenarioRun.run(gateway, named.get(), "simulate", jobId);
      } else if (Scenarios.STREAM_CUT.equals(scenario)) {
        result = StreamSection.run(gateway, out, "simulate").put("scenario", scenario);
      } else {
        result = BurstSection.run(gateway, out, "simulate").put("scenario", scenario);
      }
      // Each run counts from its measured call: before it, the fake and its clients started.
      CallTally tally = gateway.tally();
      long firstCall = tally.called() ? tally.firstCallStartNanos() : System.nanoTime();
      return out.result(result.startupMs(Math.max(0, (firstCall - start) / 1_000_000)));
    }
  }

  /** The scenarios, as a table or (with --json) one object; without --list, a usage error. */
  private int list(Env env, Printer out) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (Scenario s : Scenarios.ERROR_TABLE) {
      all.add(Map.of("name", s.name(), "status", s.status(), "description", s.description()));
    }
    all.add(
        Map.of(
            "name", Scenarios.STREAM_CUT,
            "status", "stream",
            "description", "a stream cut after 6 events"));
    all.add(
        Map.of(
            "name", Scenarios.BURST,
            "status", "429",
            "description", "65 HiveOps requests, limit 60 a minute"));
    if (json) {
      Result result =
          list
              ? Result.ok("simulate", "fake")
              : Result.failed(
                  "simulate", "fake", ExitCodes.USAGE, "a scenario name is needed; see --list");
      return out.result(result.put("scenarios", all));
    }
    for (Map<String, Object> s : all) {
      env.out().printf("%-18s %-8s %s%n", s.get("name"), s.get("status"), s.get("description"));
    }
    env.out().flush();
    return list ? ExitCodes.OK : ExitCodes.USAGE;
  }
}
