package io.llmgateway.cli;

import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.hiveops.ChatReply;
import io.llmgateway.cli.hiveops.HiveOpsChat;
import io.llmgateway.error.StreamException;

/** {@code llmgw stream --provider hiveops}: the adapter's stream, printed as it arrives. */
final class HiveOpsStream {
  private HiveOpsStream() {}

  static Result run(
      GatewayOptions gateway, Env env, CallTally tally, Printer printer, String prompt) {
    StringBuilder text = new StringBuilder();
    try (HiveOpsChat hive = Gateways.hiveOps(gateway, env, tally)) {
      ChatReply reply =
          hive.stream(
              gateway.model(env),
              prompt,
              delta -> {
                text.append(delta);
                printer.partial(delta);
              });
      printer.line("");
      return Result.ok("stream", "hiveops")
          .put("model", reply.model())
          .put("text", reply.content())
          .put("tokens", reply.usage().totalTokens())
          .costUsd(reply.cost().usd());
    } catch (StreamException e) {
      printer.line("");
      printer.progress("[stream cut after " + e.chunksReceived() + " chunks; text kept]");
      return Result.failed("stream", "hiveops", e)
          .put("partial_text", e.partialText().isEmpty() ? text.toString() : e.partialText())
          .put("chunks", (long) e.chunksReceived());
    }
  }
}
