package io.llmgateway.cli;

import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Json;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.console.RootCommand;
import io.llmgateway.cli.console.Roots;
import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.HiveOpsMode;
import io.llmgateway.testing.SaasMode;
import io.llmgateway.testing.fault.Latency;
import io.llmgateway.testing.seed.Seed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code llmgw serve}: the fake gateway as a server, on the system clock. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the fake gateway (SaaS LiteLLM under /api, HiveOps on every other path, one port)"
          + " until stopped.",
      "Its seed keys are public test fixtures (testing-fixtures/README.md), not secrets.",
      "With --latency it answers on the real clock as a gateway that takes its time: every"
          + " answer after the first-byte delay, non-stream answers after every token, streams"
          + " one token per pace."
    },
    footer = {"", ExitCodes.TABLE})
public final class ServeCommand implements Callable<Integer> {
  @ParentCommand @Nullable RootCommand root;

  @Option(names = "--port", description = "port (default 8080; 0 picks a free one)")
  int port = 8080;

  @Option(names = "--host", description = "address to bind (default 127.0.0.1)")
  String host = "127.0.0.1";

  @Option(
      names = "--mode",
      description = "SaaS LiteLLM: documented (the guide) or real-server (default documented)")
  String mode = "documented";

  @Option(
      names = "--hiveops-mode",
      description =
          "HiveOps where its docs and OpenAI differ: hiveops (ISO resets, balance 403, unknown"
              + " model 400; default) or openai (duration resets, quota 429, model 404)")
  String hiveOpsMode = "hiveops";

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description = "starting state as JSON (teams, keys, aliases; default the built-in seed)")
  @Nullable Path seed;

  @Option(
      names = "--llm-call-stream-head-bug",
      description = "real-server llm-call-stream answers the server HEAD's TypeError event")
  boolean headBug;

  @Option(
      names = "--hiveops-requests",
      description = "HiveOps requests per key and window (default 60)")
  int hiveOpsRequests = 60;

  @Option(
      names = "--hiveops-tokens",
      description = "HiveOps tokens per key and window (default 150000)")
  int hiveOpsTokens = 150_000;

  @Option(
      names = "--hiveops-window-seconds",
      description = "HiveOps rate window in seconds (default 60)")
  long windowSeconds = 60;

  @Option(
      names = "--saas-window-seconds",
      description =
          "documented-mode SaaS rate window in seconds (default 60; limits from the seed)")
  long saasWindowSeconds = 60;

  @Option(
      names = "--latency",
      description =
          "none (default) or realistic: 300 ms to the first byte, 20 ms a token, +-20 % jitter")
  String latency = "none";

  @Option(
      names = "--latency-first-byte-ms",
      description = "time to the first byte of every answer, in ms")
  @Nullable Long firstByteMs;

  @Option(
      names = "--latency-token-ms",
      description = "pace per generated token, in ms (non-stream answers wait for all of them)")
  @Nullable Long tokenMs;

  @Option(
      names = "--latency-jitter",
      description = "scale each request's delays by a seeded draw in [1-F, 1+F], F from 0 to 1")
  @Nullable Double jitter;

  @Option(names = "--latency-seed", description = "seed of the jitter (default 42)")
  long latencySeed = 42;

  @Option(names = "--json", description = "print one JSON object with the URL once listening")
  boolean json;

  @Option(
      names = "--duration-seconds",
      description = "stop after this many seconds (default: run until killed)")
  @Nullable Long durationSeconds;

  @Override
  public Integer call() throws InterruptedException {
    Env env = Roots.env(root);
    Clock clock = Clock.systemUTC();
    FakeGateway.Builder builder;
    try {
      builder =
          FakeGateway.builder()
              .mode(SaasMode.parse(mode))
              .hiveOpsMode(HiveOpsMode.parse(hiveOpsMode))
              .llmCallStreamHeadBug(headBug)
              .hiveOpsLimits(positive(hiveOpsRequests), positive(hiveOpsTokens))
              .hiveOpsRateWindow(Duration.ofSeconds(positive(windowSeconds)))
              .saasRateWindow(Duration.ofSeconds(positive(saasWindowSeconds)))
              .latency(latency())
              .latencySeed(latencySeed);
      if (seed != null) {
        builder.seed(Seed.load(seed, clock.instant()));
      }
    } catch (IllegalArgumentException | IOException e) {
      throw new UsageException(e.getMessage());
    }
    try (FakeGateway gateway = builder.clock(clock).host(host).port(port).start()) {
      if (json) {
        env.out()
            .println(
                Json.write(
                    Result.ok("serve", "fake")
                        .put("url", gateway.url())
                        .put("mode", mode)
                        .put("hiveops_mode", hiveOpsMode)
                        .put("latency", latency().toString())
                        .put("team", "acme")
                        .fields()));
      } else {
        printHints(env, gateway.url());
      }
      env.out().flush();
      CountDownLatch forever = new CountDownLatch(1);
      if (durationSeconds == null) {
        forever.await();
      } else {
        forever.await(durationSeconds, TimeUnit.SECONDS);
      }
    }
    return ExitCodes.OK;
  }

  private Latency latency() {
    Latency chosen =
        switch (latency) {
          case "none" -> Latency.none();
          case "realistic" -> Latency.realistic();
          default -> throw new UsageException("--latency must be none or realistic");
        };
    if (firstByteMs != null || tokenMs != null) {
      chosen =
          Latency.of(
                  firstByteMs == null ? chosen.timeToFirstByte() : Duration.ofMillis(firstByteMs),
                  tokenMs == null ? chosen.perToken() : Duration.ofMillis(tokenMs))
              .withJitter(chosen.jitter());
    }
    return jitter == null ? chosen : chosen.withJitter(jitter);
  }

  private static <T extends Number> T positive(T value) {
    if (value.longValue() < 1) {
      throw new IllegalArgumentException("limits and windows must be at least 1, not " + value);
    }
    return value;
  }

  private void printHints(Env env, String url) {
    env.out()
        .println(
            "Fake gateway listening on "
                + url
                + " (mode "
                + mode
                + ", HiveOps "
                + hiveOpsMode
                + ", "
                + latency()
                + ")");
    if (seed != null) {
      env.out().println("Seed " + seed + ": use its teams and keys.");
      return;
    }
    env.out().println("Try, in another terminal:");
    env.out().println("  export SAAS_LITELLM_BASE_URL=" + url + " SAAS_LITELLM_TEAM_ID=acme");
    env.out().println("  export SAAS_LITELLM_VIRTUAL_KEY=sk-fake-acme  # a fixture key");
    env.out().println("  ./llmgw job \"Extract the facts\" \"Summarise them\"");
    env.out()
        .println(
            "  HIVEOPS_API_KEY=sk-fake-hive ./llmgw doctor --provider hiveops --base-url " + url);
  }
}
