package io.llmgateway.cli;

import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.console.RootCommand;
import io.llmgateway.cli.console.Roots;
import io.llmgateway.cli.hiveops.ChatReply;
import io.llmgateway.cli.hiveops.HiveOpsChat;
import io.llmgateway.jobs.JobCosts;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.jobs.SingleCallResult;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** One chat call: a single-call job on SaaS LiteLLM, a chat completion on HiveOps. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = "Send one prompt and print the answer, attempts, time waited and cost.",
    footer = {"", ExitCodes.TABLE})
public final class ChatCommand implements Callable<Integer> {
  @ParentCommand @Nullable RootCommand root;
  @Mixin GatewayOptions gateway = new GatewayOptions();

  @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "the prompt")
  List<String> prompt = List.of();

  @Option(names = "--max-tokens", description = "answer length limit")
  @Nullable Integer maxTokens;

  @Override
  public Integer call() {
    Env env = Roots.env(root);
    String text = String.join(" ", prompt);
    return CommandRun.run(
        "chat",
        gateway,
        env,
        (tally, printer) -> {
          if (gateway.hiveOps(env)) {
            ChatReply reply;
            try (HiveOpsChat hive = Gateways.hiveOps(gateway, env, tally)) {
              reply = hive.chat(gateway.model(env), text, maxTokens);
            }
            printer.line(reply.content());
            return Result.ok("chat", "hiveops")
                .put("model", reply.model())
                .put("text", reply.content())
                .put("tokens", reply.usage().totalTokens())
                .costUsd(reply.cost().usd());
          }
          SaasLiteLlmClient client = Gateways.saas(gateway, env, tally);
          LlmCallRequest.Builder request = LlmCallRequest.builder(gateway.model(env)).user(text);
          if (maxTokens != null) {
            request.maxTokens(maxTokens);
          }
          SingleCallResult reply = client.createAndCall(JobSpec.of("llmgw-chat"), request.build());
          printer.line(reply.content() == null ? "" : reply.content());
          JobCosts costs = reply.costs();
          return Result.ok("chat", "saas-litellm")
              .put("model", reply.model())
              .put("job_id", reply.jobId())
              .put("text", reply.content())
              .put("tokens", reply.tokensUsed())
              .costUsd(costs == null ? null : costs.totalCostUsd())
              .put("credits_remaining", costs == null ? null : costs.creditsRemaining());
        });
  }
}
