package io.llmgateway.cli;

import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.RootCommand;
import io.llmgateway.cli.demo.DemoCommand;
import io.llmgateway.cli.demo.SimulateCommand;
import picocli.CommandLine.Command;

/** The {@code llmgw} root: subcommands only. */
@Command(
    name = "llmgw",
    mixinStandardHelpOptions = true,
    version = "llmgw 0.1.0-SNAPSHOT",
    description = {
      "The LLM Gateway SDK on the command line.",
      "Start with `llmgw demo` (embedded fake gateway, no key, no network)."
    },
    subcommands = {
      DemoCommand.class,
      DoctorCommand.class,
      ChatCommand.class,
      StreamCommand.class,
      JobCommand.class,
      SimulateCommand.class,
      ServeCommand.class
    },
    footer = {
      "",
      "Keys: --key, or env SAAS_LITELLM_VIRTUAL_KEY / HIVEOPS_API_KEY (never printed in full).",
      "",
      ExitCodes.TABLE
    })
public final class LlmgwCommand implements Runnable, RootCommand {
  private final Env env;

  public LlmgwCommand(Env env) {
    this.env = env;
  }

  @Override
  public Env env() {
    return env;
  }

  @Override
  public void run() {
    env.err().println("llmgw: a subcommand is needed; try `llmgw demo` or `llmgw --help`");
    throw new UsageException("missing subcommand");
  }
}
