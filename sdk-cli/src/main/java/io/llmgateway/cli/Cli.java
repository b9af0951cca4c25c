package io.llmgateway.cli;

import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.error.LlmGatewayException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Runs {@code llmgw} with an {@link Env}: tests call {@link #execute} in-process with captured
 * streams. Expected errors end with a one-line message and an exit code, never a stack trace.
 */
public final class Cli {
  /** MockWebServer logs dropped connections through java.util.logging; the demo drops them. */
  private static final java.util.logging.Logger FAKE_SERVER_LOG =
      java.util.logging.Logger.getLogger("okhttp3.mockwebserver");

  static {
    FAKE_SERVER_LOG.setLevel(java.util.logging.Level.OFF);
  }

  private static final String JSON_FLAG = "--json";

  private Cli() {}

  public static int execute(Env env, String... args) {
    CommandLine cli = commandLine(env);
    return cli.execute(args);
  }

  public static CommandLine commandLine(Env env) {
    CommandLine cli = new CommandLine(new LlmgwCommand(env));
    cli.setOut(env.out());
    cli.setErr(env.err());
    cli.setExitCodeExceptionMapper(Cli::exitCode);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          report(env.err(), e);
          if (parseResult.originalArgs().contains(JSON_FLAG)) {
            printJson(env, commandLine.getCommandName(), e);
          }
          return exitCode(e);
        });
    cli.getCommandSpec().usageMessage().exitCodeListHeading("");
    cli.setParameterExceptionHandler(
        (e, args) -> {
          env.err().println("llmgw: " + e.getMessage());
          if (Arrays.asList(args).contains(JSON_FLAG)) {
            // --json promises one JSON object on stdout, bad flags included.
            printJson(env, e.getCommandLine().getCommandName(), new UsageException(e.getMessage()));
          } else {
            e.getCommandLine().usage(env.err());
          }
          return ExitCodes.USAGE;
        });
    return cli;
  }

  private static void printJson(Env env, String command, Exception e) {
    Result result =
        e instanceof LlmGatewayException g
            ? Result.failed(command, g.provider().id(), g)
            : Result.failed(command, "unknown", exitCode(e), String.valueOf(e.getMessage()));
    new Printer(env, true, null).result(result);
  }

  private static int exitCode(Throwable e) {
    if (e instanceof UsageException || e instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    if (e instanceof LlmGatewayException g) {
      return ExitCodes.of(g);
    }
    return ExitCodes.OTHER;
  }

  private static void report(PrintWriter err, Exception e) {
    if (e instanceof UsageException) {
      if (!"missing subcommand".equals(e.getMessage())) {
        err.println("llmgw: " + e.getMessage());
      }
    } else if (e instanceof LlmGatewayException) {
      err.println("error: " + e.getMessage());
    } else {
      // Not expected: say what it was, still without a stack trace.
      err.println("llmgw: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    err.flush();
  }
}
