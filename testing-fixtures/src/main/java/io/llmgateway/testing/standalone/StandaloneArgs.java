package io.llmgateway.testing.standalone;

import io.llmgateway.testing.SaasMode;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The command line: {@code --port P [--mode documented|real-server] [--seed FILE] ...}. */
record StandaloneArgs(
    int port,
    SaasMode mode,
    @Nullable Path seed,
    String host,
    boolean llmCallStreamHeadBug,
    Duration hiveOpsWindow) {

  static final String USAGE =
      "usage: java -jar testing-fixtures-standalone.jar --port P [--mode documented|real-server]"
          + " [--seed FILE] [--host ADDRESS] [--llm-call-stream-head-bug]"
          + " [--hiveops-window-seconds N]";

  static StandaloneArgs parse(String... args) {
    Integer port = null;
    SaasMode mode = SaasMode.DOCUMENTED;
    Path seed = null;
    String host = "127.0.0.1";
    boolean headBug = false;
    Duration window = Duration.ofMinutes(1);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port":
          port = Integer.parseInt(value(args, ++i, arg));
          break;
        case "--mode":
          mode = SaasMode.parse(value(args, ++i, arg));
          break;
        case "--seed":
          seed = Path.of(value(args, ++i, arg));
          break;
        case "--host":
          host = value(args, ++i, arg);
          break;
        case "--llm-call-stream-head-bug":
          headBug = true;
          break;
        case "--hiveops-window-seconds":
          window = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
          break;
        default:
          throw new IllegalArgumentException("Unknown option " + arg);
      }
    }
    if (port == null) {
      throw new IllegalArgumentException("--port is required");
    }
    return new StandaloneArgs(port, mode, seed, host, headBug, window);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
