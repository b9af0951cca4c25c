package io.llmgateway.cli;

import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.error.LlmGatewayException;
import org.jspecify.annotations.Nullable;

/**
 * The frame around every gateway command: a fresh tally, the printer, latency (the calls alone) and
 * start-up (everything before the first call), and the mapping of expected failures (usage, typed
 * gateway errors) to a result and an exit code.
 */
public final class CommandRun {
  /** The command's work; returns its successful result. */
  @FunctionalInterface
  public interface Body {
    Result run(CallTally tally, Printer printer);
  }

  private CommandRun() {}

  public static int run(String command, GatewayOptions options, Env env, Body body) {
    @Nullable String key;
    String provider;
    try {
      key = options.key(env);
      provider = options.providerId(env);
    } catch (UsageException e) {
      return new Printer(env, options.json(), null)
          .result(Result.failed(command, "unknown", ExitCodes.USAGE, e.getMessage()));
    }
    Printer printer = new Printer(env, options.json(), key);
    CallTally tally = new CallTally();
    long start = System.nanoTime();
    Result result;
    try {
      result = body.run(tally, printer);
    } catch (UsageException e) {
      result = Result.failed(command, provider, ExitCodes.USAGE, e.getMessage());
    } catch (LlmGatewayException e) {
      result = Result.failed(command, provider, e);
    }
    long end = System.nanoTime();
    long firstCall = tally.called() ? tally.firstCallStartNanos() : end;
    result.latencyMs(tally.callsMs()).startupMs(Math.max(0, (firstCall - start) / 1_000_000));
    return printer.result(result.tally(tally));
  }
}
