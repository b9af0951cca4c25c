package io.llmgateway.cli.demo;

import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.jobs.CreditBalance;
import io.llmgateway.jobs.JobCompletion;
import io.llmgateway.jobs.JobCosts;
import io.llmgateway.jobs.JobCreated;
import io.llmgateway.jobs.JobOutcome;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.LlmCallResult;
import io.llmgateway.jobs.SaasLiteLlmClient;
import java.util.List;

/** Demo part 1: a SaaS LiteLLM job with three calls, completed once, with its cost and credits. */
final class JobSection {
  private static final List<String> PROMPTS =
      List.of(
          "Extract the facts from the quarterly report",
          "Summarise the facts in one line",
          "Suggest a title");

  private JobSection() {}

  static Result run(DemoGateway gateway, Printer out) {
    SaasLiteLlmClient client = gateway.saas();
    gateway.tally().reset();
    long start = System.nanoTime();
    CreditBalance before = client.creditBalance();
    JobCreated job = client.createJob(JobSpec.of("document-analysis"));
    out.line("  job " + job.jobId() + " created (team acme, type document-analysis)");
    int n = 0;
    for (String prompt : PROMPTS) {
      n++;
      LlmCallResult r =
          client.llmCall(job.jobId(), LlmCallRequest.builder("chat-fast").user(prompt).build());
      out.line("  call " + n + ": \"" + r.content() + "\" (" + r.tokensUsed() + " tokens)");
    }
    JobCompletion done = client.completeJob(job.jobId(), JobOutcome.completed());
    JobCosts costs = done.costs();
    CreditBalance after = client.creditBalance();
    out.line(
        "  completed once: status "
            + done.status()
            + ", "
            + (costs == null
                ? "no cost summary"
                : costs.totalCalls()
                    + " calls, "
                    + costs.totalTokens()
                    + " tokens, $"
                    + (costs.totalCostUsd() == null
                        ? "unknown"
                        : Result.money(costs.totalCostUsd()))));
    out.line(
        "  credits: "
            + before.creditsRemaining()
            + " -> "
            + after.creditsRemaining()
            + " remaining (job_based budget: one credit per completed job)");
    return Result.ok("demo", "saas-litellm")
        .put("section", "job")
        .tally(gateway.tally())
        .latencyMs((System.nanoTime() - start) / 1_000_000)
        .costUsd(costs == null ? null : costs.totalCostUsd())
        .put("job_id", job.jobId())
        .put("calls", (long) PROMPTS.size())
        .put("credits_before", before.creditsRemaining())
        .put("credits_after", after.creditsRemaining());
  }
}
