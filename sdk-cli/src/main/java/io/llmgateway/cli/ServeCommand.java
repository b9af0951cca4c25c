package io.llmgateway.cli;

import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.SaasMode;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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
      "Run the fake gateway (SaaS LiteLLM and HiveOps on one port) until stopped.",
      "Its seed keys are public test fixtures (testing-fixtures/README.md), not secrets."
    },
    footer = {"", ExitCodes.TABLE})
public final class ServeCommand implements Callable<Integer> {
  @ParentCommand @Nullable LlmgwCommand root;

  @Option(names = "--port", description = "port (default 8080; 0 picks a free one)")
  int port = 8080;

  @Option(names = "--host", description = "address to bind (default 127.0.0.1)")
  String host = "127.0.0.1";

  @Option(names = "--mode", description = "documented or real-server (default documented)")
  String mode = "documented";

  @Option(
      names = "--hiveops-window-seconds",
      description = "HiveOps rate window in seconds (default 60)")
  long windowSeconds = 60;

  @Option(names = "--json", description = "print one JSON object with the URL once listening")
  boolean json;

  @Option(
      names = "--duration-seconds",
      description = "stop after this many seconds (default: run until killed)")
  @Nullable Long durationSeconds;

  @Override
  public Integer call() throws InterruptedException {
    Env env = Roots.env(root);
    SaasMode saasMode =
        switch (mode.toLowerCase(Locale.ROOT)) {
          case "documented" -> SaasMode.DOCUMENTED;
          case "real-server", "real_server" -> SaasMode.REAL_SERVER;
          default -> throw new UsageException("--mode must be documented or real-server");
        };
    try (FakeGateway gateway =
        FakeGateway.builder()
            .mode(saasMode)
            .clock(Clock.systemUTC())
            .host(host)
            .port(port)
            .hiveOpsRateWindow(Duration.ofSeconds(windowSeconds))
            .start()) {
      if (json) {
        env.out()
            .println(
                Json.write(
                    Result.ok("serve", "fake")
                        .put("url", gateway.url())
                        .put("mode", mode)
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

  private void printHints(Env env, String url) {
    env.out().println("Fake gateway listening on " + url + " (mode " + mode + ")");
    env.out().println("Try, in another terminal:");
    env.out().println("  export SAAS_LITELLM_BASE_URL=" + url + " SAAS_LITELLM_TEAM_ID=acme");
    env.out().println("  export SAAS_LITELLM_VIRTUAL_KEY=sk-fake-acme  # a fixture key");
    env.out().println("  ./llmgw job \"Extract the facts\" \"Summarise them\"");
    env.out()
        .println(
            "  HIVEOPS_API_KEY=sk-fake-hive ./llmgw doctor --provider hiveops --base-url " + url);
  }
}
