package io.llmgateway.cli.demo;

import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.jobs.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Demo part 3: the SaaS guide's error table, live: each status through the fault script. */
final class ErrorTableSection {
  private ErrorTableSection() {}

  static List<Result> run(DemoGateway gateway, Printer out) {
    String jobId = gateway.saas().createJob(JobSpec.of("error-table")).jobId();
    out.line(
        String.format(
            Locale.ROOT,
            "  %-8s %-36s %-24s %-11s %8s %9s",
            "status",
            "the fake does",
            "typed error",
            "retried",
            "attempts",
            "waited"));
    List<Result> results = new ArrayList<>();
    for (Scenario scenario : Scenarios.ERROR_TABLE) {
      Result r = ScenarioRun.run(gateway, scenario, "demo", jobId);
      r.put("section", "errors");
      results.add(r);
      out.line(row(scenario, r));
    }
    return results;
  }

  static String row(Scenario scenario, Result r) {
    long retries = (Long) r.get("retries");
    String outcome;
    if (r.ok()) {
      outcome = "ok";
    } else {
      Map<?, ?> error = (Map<?, ?>) r.get("error");
      outcome = String.valueOf(error == null ? "error" : error.get("kind"));
    }
    String retried = retries == 0 ? "no" : r.ok() ? "yes, then ok" : "yes, gave up";
    return String.format(
        Locale.ROOT,
        "  %-8s %-36s %-24s %-11s %8d %7.1f s",
        scenario.status(),
        scenario.description(),
        outcome,
        retried,
        (Long) r.get("attempts"),
        (Long) r.get("waited_ms") / 1000.0);
  }
}
