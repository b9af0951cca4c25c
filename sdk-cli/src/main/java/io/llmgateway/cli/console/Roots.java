package io.llmgateway.cli.console;

import org.jspecify.annotations.Nullable;

/** The {@link Env} of a subcommand, from its parent; the real process when run alone. */
public final class Roots {
  private Roots() {}

  public static Env env(@Nullable RootCommand root) {
    return root == null ? Env.system() : root.env();
  }
}
