package io.llmgateway.cli;

import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.console.RootCommand;
import io.llmgateway.cli.console.Roots;
import io.llmgateway.error.StreamException;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.stream.StreamResult;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A streamed call: text is printed as it arrives; a cut stream keeps and reports its partial text.
 */
@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = {
      "Stream one answer (SaaS create-and-call-stream or HiveOps), printing text as it arrives.",
      "A cut stream exits 8 and keeps the partial text (in JSON: partial_text)."
    },
    footer = {"", ExitCodes.TABLE})
public final class StreamCommand implements Callable<Integer> {
  @ParentCommand @Nullable RootCommand root;
  @Mixin GatewayOptions gateway = new GatewayOptions();

  @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "the prompt")
  List<String> prompt = List.of();

  @Override
  public Integer call() {
    Env env = Roots.env(root);
    return CommandRun.run(
        "stream",
        gateway,
        env,
        (tally, printer) -> {
          if (gateway.hiveOps(env)) {
            return HiveOpsStream.run(gateway, env, tally, printer, String.join(" ", prompt));
          }
          SaasLiteLlmClient client = Gateways.saas(gateway, env, tally);
          LlmCallRequest request =
              LlmCallRequest.builder(gateway.model(env)).user(String.join(" ", prompt)).build();
          StringBuilder text = new StringBuilder();
          int chunks = 0;
          try (ChunkStream stream =
              client.createAndCallStream(JobSpec.of("llmgw-stream"), request)) {
            for (StreamChunk chunk : stream) {
              printer.partial(chunk.textDelta());
              text.append(chunk.textDelta());
              chunks++;
            }
            printer.line("");
            StreamResult summary = stream.result();
            return Result.ok("stream", "saas-litellm")
                .put("text", summary.text())
                .put("chunks", summary.chunks())
                .put("finish_reason", summary.finishReason());
          } catch (StreamException e) {
            printer.line("");
            printer.progress("[stream cut after " + e.chunksReceived() + " chunks; text kept]");
            return Result.failed("stream", "saas-litellm", e)
                .put("partial_text", e.partialText())
                .put("chunks", Math.max(chunks, e.chunksReceived()));
          }
        });
  }
}
