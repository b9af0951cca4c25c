package io.llmgateway.cli.console;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes results: one JSON object per line with {@code --json}, otherwise readable lines. Human
 * progress and errors go to stderr so stdout stays clean; every line is scrubbed of the key.
 */
public final class Printer {
  private final Env env;
  private final boolean json;
  private final @Nullable String secret;

  public Printer(Env env, boolean json, @Nullable String secret) {
    this.env = env;
    this.json = json;
    this.secret = secret;
  }

  public boolean json() {
    return json;
  }

  /** A line for people; skipped in JSON mode. */
  public void line(String text) {
    if (!json) {
      env.out().println(Keys.scrub(text, secret));
      env.out().flush();
    }
  }

  /** Text as it arrives (streams), flushed at once; skipped in JSON mode. */
  public void partial(String text) {
    if (!json) {
      env.out().print(Keys.scrub(text, secret));
      env.out().flush();
    }
  }

  /** Progress for long runs, on stderr; skipped in JSON mode. */
  public void progress(String text) {
    if (!json) {
      env.err().println(Keys.scrub(text, secret));
      env.err().flush();
    }
  }

  /** Prints the result and returns its exit code. */
  public int result(Result result) {
    if (json) {
      env.out().println(Keys.scrub(Json.write(result.fields()), secret));
      env.out().flush();
      return result.exitCode();
    }
    if (result.ok()) {
      env.out().println(Keys.scrub(summary(result), secret));
      env.out().flush();
    } else {
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> error = (Map<String, @Nullable Object>) result.get("error");
      String message = error == null ? "failed" : String.valueOf(error.get("message"));
      env.err().println(Keys.scrub("error: " + message, secret));
      if (error != null && !"usage".equals(error.get("kind"))) {
        env.err()
            .println(
                Keys.scrub(
                    "  kind "
                        + error.get("kind")
                        + ", retryable "
                        + error.get("retryable")
                        + ", "
                        + summary(result),
                    secret));
      }
      env.err().println("  exit code " + result.exitCode() + " (see llmgw --help)");
      env.err().flush();
    }
    return result.exitCode();
  }

  private static String summary(Result r) {
    Object cost = r.get("cost_usd");
    return "attempts "
        + r.get("attempts")
        + ", waited "
        + r.get("waited_ms")
        + " ms, latency "
        + r.get("latency_ms")
        + " ms (startup "
        + r.get("startup_ms")
        + " ms)"
        + (cost == null ? "" : ", cost $" + cost);
  }
}
