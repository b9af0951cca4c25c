package io.llmgateway.cli.console;

/**
 * What a subcommand reads from the {@code llmgw} root it runs under (its {@code @ParentCommand}):
 * an interface, so subcommands in any package need not know the root that lists them.
 */
public interface RootCommand {
  /** The process's streams, environment and exit, or a test's. */
  Env env();
}
