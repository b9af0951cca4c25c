package io.llmgateway.cli;

import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.console.RootCommand;
import io.llmgateway.cli.console.Roots;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code llmgw doctor}: the guides' debugging checklist, one PASS/FAIL line each, with the fix. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Run the guides' debugging checklist against a gateway, one PASS/FAIL line each.",
      "HiveOps: base URL, key format, model name, key accepted, balance, rate-limit headroom",
      "and retry settings, with one probe call (max_tokens=1) and the fix for each failure.",
      "SaaS LiteLLM: base URL, key format, key and team, team status, credits, model access",
      "and retry settings; a 403 is named from the team's record (suspended, paused, no",
      "credits, model access) with its fix. No LLM call is made."
    },
    footer = {"", ExitCodes.TABLE})
public final class DoctorCommand implements Callable<Integer> {
  @ParentCommand @Nullable RootCommand root;
  @Mixin GatewayOptions gateway = new GatewayOptions();

  @Override
  public Integer call() {
    Env env = Roots.env(root);
    return CommandRun.run(
        "doctor",
        gateway,
        env,
        (tally, printer) -> {
          boolean hive = gateway.hiveOps(env);
          List<Check> checks =
              hive ? HiveOpsDoctor.run(gateway, env, tally) : SaasDoctor.run(gateway, env, tally);
          for (Check c : checks) {
            printer.line(c.line());
          }
          Check failed = checks.stream().filter(c -> !c.ok()).findFirst().orElse(null);
          Result result =
              failed == null
                  ? Result.ok("doctor", gateway.providerId(env))
                  : Result.failed(
                      "doctor",
                      gateway.providerId(env),
                      failed.exitCode(),
                      failed.name() + ": " + failed.detail() + "; fix: " + failed.fix());
          return result.put("checks", checks.stream().map(Check::json).toList());
        });
  }
}
