package io.llmgateway.cli;

import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.console.RootCommand;
import io.llmgateway.cli.console.Roots;
import io.llmgateway.jobs.JobCompletion;
import io.llmgateway.jobs.JobCosts;
import io.llmgateway.jobs.JobCreated;
import io.llmgateway.jobs.JobOutcome;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.LlmCallResult;
import io.llmgateway.jobs.SaasLiteLlmClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A SaaS LiteLLM job: create it, one call per prompt, complete it once, print costs and credits.
 */
@Command(
    name = "job",
    mixinStandardHelpOptions = true,
    description = "Create a SaaS LiteLLM job, make one call per PROMPT, complete it, show costs.",
    footer = {"", ExitCodes.TABLE})
public final class JobCommand implements Callable<Integer> {
  @ParentCommand @Nullable RootCommand root;
  @Mixin GatewayOptions gateway = new GatewayOptions();

  @Option(names = "--job-type", description = "the job type (default: llmgw-job)")
  String jobType = "llmgw-job";

  @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "one call per prompt")
  List<String> prompts = List.of();

  @Override
  public Integer call() {
    Env env = Roots.env(root);
    return CommandRun.run(
        "job",
        gateway,
        env,
        (tally, printer) -> {
          if (gateway.hiveOps(env)) {
            throw new UsageException("jobs exist on SaaS LiteLLM only (--provider saas)");
          }
          SaasLiteLlmClient client = Gateways.saas(gateway, env, tally);
          JobCreated job = client.createJob(JobSpec.of(jobType));
          printer.line("job " + job.jobId() + " created");
          List<String> answers = new ArrayList<>();
          int n = 0;
          for (String prompt : prompts) {
            n++;
            printer.progress("call " + n + "/" + prompts.size() + " ...");
            LlmCallResult r =
                client.llmCall(
                    job.jobId(), LlmCallRequest.builder(gateway.model(env)).user(prompt).build());
            String content = r.content() == null ? "" : r.content();
            answers.add(content);
            printer.line("  " + n + ". " + content + "  (" + r.tokensUsed() + " tokens)");
          }
          JobCompletion done = client.completeJob(job.jobId(), JobOutcome.completed());
          JobCosts costs = done.costs();
          printer.line("job " + done.status() + (costs == null ? "" : ": " + summary(costs)));
          return Result.ok("job", "saas-litellm")
              .put("job_id", job.jobId())
              .put("status", done.status().toString())
              .put("calls", (long) answers.size())
              .put("answers", answers)
              .put("tokens", costs == null ? null : costs.totalTokens())
              .costUsd(costs == null ? null : costs.totalCostUsd())
              .put("credits_remaining", costs == null ? null : costs.creditsRemaining());
        });
  }

  /** Money as people write it: never {@code 3.0E-6}. */
  private static String summary(JobCosts costs) {
    BigDecimal usd = costs.totalCostUsd();
    Long credits = costs.creditsRemaining();
    return costs.totalCalls()
        + " calls, "
        + costs.totalTokens()
        + " tokens, "
        + (usd == null ? "cost unknown" : "$" + Result.money(usd))
        + (credits == null ? "" : ", " + credits + " credits left");
  }
}
