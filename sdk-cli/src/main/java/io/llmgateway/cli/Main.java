package io.llmgateway.cli;

import io.llmgateway.cli.console.Env;

/** The {@code llmgw} entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.execute(Env.system(), args));
  }
}
