package io.llmgateway.cli.demo;

import io.llmgateway.cli.console.Keys;
import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.hiveops.ChatReply;
import io.llmgateway.cli.hiveops.HiveOpsChat;
import io.llmgateway.openai.BalanceCheck;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Demo part 5: HiveOps with the guide's model mapping, its balance check, and the call's cost. */
final class HiveOpsSection {
  private HiveOpsSection() {}

  static Result run(DemoGateway gateway, Printer out, String command) {
    gateway.tally().reset();
    long start = System.nanoTime();
    HiveOpsChat hive = gateway.hive();
    out.line(
        "  model mapping (guide): gpt-3.5-turbo -> "
            + hive.mapped("gpt-3.5-turbo")
            + ", gpt-4 -> "
            + hive.mapped("gpt-4"));
    out.line("  balance check (guide: a max_tokens=1 call):");
    out.line(
        "    key " + Keys.mask(DemoGateway.HIVE_KEY) + "       : " + balanceCheck(gateway.hive()));
    out.line(
        "    key "
            + Keys.mask(DemoGateway.HIVE_BROKE_KEY)
            + " ($0)  : "
            + balanceCheckOnce(gateway.hive(DemoGateway.HIVE_BROKE_KEY)));
    BigDecimal ledgerBefore = balance(gateway);
    ChatReply reply = hive.chat("gpt-3.5-turbo", "Explain rate limits in one sentence", null);
    BigDecimal ledgerAfter = balance(gateway);
    out.line("  chat as gpt-3.5-turbo, sent as " + reply.model() + ": \"" + reply.content() + "\"");
    out.line(
        "  cost: "
            + reply.usage().promptTokens()
            + " in + "
            + reply.usage().completionTokens()
            + " out tokens at $0.01/$0.02 per 1M = $"
            + plain(reply.cost().usd())
            + " (the fake's ledger moved by $"
            + ledgerBefore.subtract(ledgerAfter).stripTrailingZeros().toPlainString()
            + ")");
    return Result.ok(command, "hiveops")
        .put("section", "hiveops")
        .tally(gateway.tally())
        .latencyMs((System.nanoTime() - start) / 1_000_000)
        .costUsd(reply.cost().usd())
        .put("model_requested", "gpt-3.5-turbo")
        .put("model", reply.model())
        .put("tokens", reply.usage().totalTokens());
  }

  static String plain(@Nullable BigDecimal usd) {
    return usd == null ? "unknown" : usd.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal balance(DemoGateway gateway) {
    return gateway.fake().state().hiveOpsKey(DemoGateway.HIVE_KEY).balanceUsd();
  }

  private static String balanceCheckOnce(HiveOpsChat hive) {
    try (hive) {
      return balanceCheck(hive);
    }
  }

  /** The adapter's {@code checkBalance()}: the guide's 1-token probe on mistral-7b. */
  static String balanceCheck(HiveOpsChat hive) {
    BalanceCheck check = hive.checkBalance();
    return switch (check.status()) {
      case OK -> "positive, go ahead";
      case INSUFFICIENT -> "too low (" + check.reason() + "): add funds, calls are refused locally";
      case UNKNOWN -> "unknown (" + check.reason() + ")";
    };
  }
}
