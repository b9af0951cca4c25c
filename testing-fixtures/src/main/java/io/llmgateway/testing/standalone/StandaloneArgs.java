package io.llmgateway.testing.standalone;

import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.HiveOpsMode;
import io.llmgateway.testing.SaasMode;
import io.llmgateway.testing.fault.Latency;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The command line: {@code --port P [--mode documented|real-server] [--seed FILE] ...}. */
record StandaloneArgs(
    int port,
    SaasMode mode,
    HiveOpsMode hiveOpsMode,
    @Nullable Path seed,
    String host,
    boolean llmCallStreamHeadBug,
    Duration hiveOpsWindow,
    int hiveOpsRequests,
    int hiveOpsTokens,
    Duration saasWindow,
    Latency latency,
    long latencySeed,
    boolean help) {

  static final String USAGE =
      "usage: java -jar testing-fixtures-standalone.jar --port P [--host ADDRESS]\n"
          + "    [--mode documented|real-server] [--hiveops-mode hiveops|openai] [--seed FILE]\n"
          + "    [--llm-call-stream-head-bug] [--hiveops-requests N] [--hiveops-tokens N]\n"
          + "    [--hiveops-window-seconds N] [--saas-window-seconds N]\n"
          + "    [--latency none|realistic] [--latency-first-byte-ms N] [--latency-token-ms N]\n"
          + "    [--latency-jitter F] [--latency-seed N] [--help]";

  static final String HELP =
      USAGE
          + "\n\n"
          + "Runs the fake gateway (SaaS LiteLLM under /api, HiveOps everywhere else) until"
          + " killed, on the system clock.\n\n"
          + "  --port P                   port to listen on (0 picks a free one); required\n"
          + "  --host ADDRESS             address to bind (default 127.0.0.1)\n"
          + "  --mode M                   SaaS LiteLLM: documented (the guide, default) or"
          + " real-server (the server's code)\n"
          + "  --hiveops-mode M           HiveOps where its docs and OpenAI differ: hiveops"
          + " (default: ISO resets,\n"
          + "                             balance 403, model 400) or openai (duration resets,"
          + " quota 429, model 404)\n"
          + "  --seed FILE                the starting state (teams, keys, aliases; JSON)\n"
          + "  --llm-call-stream-head-bug real-server llm-call-stream answers the HEAD TypeError"
          + " event\n"
          + "  --hiveops-requests N       HiveOps requests per key and window (default 60)\n"
          + "  --hiveops-tokens N         HiveOps tokens per key and window (default 150000)\n"
          + "  --hiveops-window-seconds N HiveOps rate window (default 60)\n"
          + "  --saas-window-seconds N    documented-mode SaaS rate window (default 60; limits"
          + " come from the seed)\n"
          + "  --latency none|realistic   real-clock latency of both personalities (default none;"
          + " realistic:\n"
          + "                             300 ms to the first byte, 20 ms a token, +-20 %)\n"
          + "  --latency-first-byte-ms N  time to the first byte of every answer\n"
          + "  --latency-token-ms N       pace per generated token (non-stream answers wait for"
          + " all of them)\n"
          + "  --latency-jitter F         scale each request's delays by a draw in [1-F, 1+F]"
          + " (0 to 1)\n"
          + "  --latency-seed N           seed of that draw (default 42)\n"
          + "  --help                     this text";

  /** Applies everything but the port, host, clock and seed to a gateway builder. */
  FakeGateway.Builder configure(FakeGateway.Builder builder) {
    return builder
        .mode(mode)
        .hiveOpsMode(hiveOpsMode)
        .llmCallStreamHeadBug(llmCallStreamHeadBug)
        .hiveOpsRateWindow(hiveOpsWindow)
        .hiveOpsLimits(hiveOpsRequests, hiveOpsTokens)
        .saasRateWindow(saasWindow)
        .latency(latency)
        .latencySeed(latencySeed);
  }

  static StandaloneArgs parse(String... args) {
    Parser p = new Parser(args);
    for (p.i = 0; p.i < args.length; p.i++) {
      p.option(args[p.i]);
    }
    if (p.help) {
      return p.build(0);
    }
    if (p.port == null) {
      throw new IllegalArgumentException("--port is required");
    }
    return p.build(p.port);
  }

  /** The options as they are read; later ones win. */
  private static final class Parser {
    private final String[] args;
    private int i;
    private @Nullable Integer port;
    private SaasMode mode = SaasMode.DOCUMENTED;
    private HiveOpsMode hiveOpsMode = HiveOpsMode.HIVEOPS;
    private @Nullable Path seed;
    private String host = "127.0.0.1";
    private boolean headBug;
    private Duration hiveOpsWindow = Duration.ofMinutes(1);
    private int hiveOpsRequests = 60;
    private int hiveOpsTokens = 150_000;
    private Duration saasWindow = Duration.ofMinutes(1);
    private Latency latency = Latency.none();
    private @Nullable Long firstByteMs;
    private @Nullable Long tokenMs;
    private @Nullable Double jitter;
    private long latencySeed = 42;
    private boolean help;

    Parser(String[] args) {
      this.args = args;
    }

    void option(String arg) {
      switch (arg) {
        case "--port" -> port = (int) number(arg, 0, 65_535);
        case "--host" -> host = value(arg);
        case "--mode" -> mode = SaasMode.parse(value(arg));
        case "--hiveops-mode" -> hiveOpsMode = HiveOpsMode.parse(value(arg));
        case "--seed" -> seed = Path.of(value(arg));
        case "--llm-call-stream-head-bug" -> headBug = true;
        case "--hiveops-requests" -> hiveOpsRequests = (int) number(arg, 1, Integer.MAX_VALUE);
        case "--hiveops-tokens" -> hiveOpsTokens = (int) number(arg, 1, Integer.MAX_VALUE);
        case "--hiveops-window-seconds" ->
            hiveOpsWindow = Duration.ofSeconds(number(arg, 1, Long.MAX_VALUE / 1000));
        case "--saas-window-seconds" ->
            saasWindow = Duration.ofSeconds(number(arg, 1, Long.MAX_VALUE / 1000));
        case "--latency" -> latency = preset(value(arg));
        case "--latency-first-byte-ms" -> firstByteMs = number(arg, 0, Long.MAX_VALUE);
        case "--latency-token-ms" -> tokenMs = number(arg, 0, Long.MAX_VALUE);
        case "--latency-jitter" -> jitter = fraction(arg);
        case "--latency-seed" -> latencySeed = number(arg, Long.MIN_VALUE, Long.MAX_VALUE);
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("Unknown option " + arg);
      }
    }

    StandaloneArgs build(int port) {
      Latency chosen = latency;
      if (firstByteMs != null || tokenMs != null) {
        chosen =
            Latency.of(
                    firstByteMs == null ? chosen.timeToFirstByte() : Duration.ofMillis(firstByteMs),
                    tokenMs == null ? chosen.perToken() : Duration.ofMillis(tokenMs))
                .withJitter(chosen.jitter());
      }
      if (jitter != null) {
        chosen = chosen.withJitter(jitter);
      }
      return new StandaloneArgs(
          port,
          mode,
          hiveOpsMode,
          seed,
          host,
          headBug,
          hiveOpsWindow,
          hiveOpsRequests,
          hiveOpsTokens,
          saasWindow,
          chosen,
          latencySeed,
          help);
    }

    private String value(String option) {
      if (++i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private long number(String option, long min, long max) {
      String text = value(option);
      try {
        long n = Long.parseLong(text.trim());
        if (n < min || n > max) {
          throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a whole number, not " + text);
      }
    }

    private double fraction(String option) {
      String text = value(option);
      try {
        double f = Double.parseDouble(text.trim());
        if (!(f >= 0 && f <= 1)) {
          throw new IllegalArgumentException(option + " must be between 0 and 1");
        }
        return f;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a number from 0 to 1, not " + text);
      }
    }

    private Latency preset(String name) {
      return switch (name) {
        case "none" -> Latency.none();
        case "realistic" -> Latency.realistic();
        default ->
            throw new IllegalArgumentException("--latency is none or realistic, not " + name);
      };
    }
  }
}
