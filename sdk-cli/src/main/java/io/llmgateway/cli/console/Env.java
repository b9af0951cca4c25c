package io.llmgateway.cli.console;

import io.llmgateway.pipeline.Sleeper;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a command may touch of the outside world: its output streams, environment and time. */
public record Env(
    PrintWriter out, PrintWriter err, Map<String, String> variables, Sleeper sleeper, Clock clock) {

  /** The real process: stdout, stderr, the environment, real sleeps. */
  public static Env system() {
    return new Env(
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        System.getenv(),
        Sleeper.system(),
        Clock.systemUTC());
  }

  public @Nullable String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
