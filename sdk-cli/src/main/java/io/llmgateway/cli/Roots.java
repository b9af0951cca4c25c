package io.llmgateway.cli;

import org.jspecify.annotations.Nullable;

/** The {@link Env} of a subcommand, from its parent; the real process when run alone. */
public final class Roots {
  private Roots() {}

  public static Env env(@Nullable LlmgwCommand root) {
    return root == null ? Env.system() : root.env();
  }
}
