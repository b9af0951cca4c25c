package io.llmgateway.testing.standalone;

import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.seed.Seed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake gateway as a server until killed, on the system clock. Prints the seed in use (its
 * keys are fake) and then {@code Listening on http://HOST:PORT}.
 */
public final class StandaloneMain {
  private StandaloneMain() {}

  public static void main(String[] args) throws Exception {
    StandaloneArgs parsed;
    try {
      parsed = StandaloneArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(StandaloneArgs.USAGE);
      System.exit(2);
      return;
    }
    if (parsed.help()) {
      System.out.println(StandaloneArgs.HELP);
      return;
    }
    Clock clock = Clock.systemUTC();
    String seedJson = seedJson(parsed);
    Seed seed = Seed.fromJson(seedJson, clock.instant());
    FakeGateway gateway =
        parsed
            .configure(FakeGateway.builder())
            .clock(clock)
            .seed(seed)
            .host(parsed.host())
            .port(parsed.port())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "fake-gateway-shutdown"));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(
        "LLM Gateway fake, SaaS LiteLLM mode: "
            + parsed.mode()
            + ", HiveOps mode: "
            + parsed.hiveOpsMode()
            + ", "
            + parsed.latency());
    out.println(
        parsed.seed() == null
            ? "Seed (default; every key is fake):"
            : "Seed " + parsed.seed() + ":");
    out.println(seedJson.strip());
    out.println("Listening on " + gateway.url());
    new CountDownLatch(1).await(); // until the process is killed
  }

  private static String seedJson(StandaloneArgs args) throws IOException {
    return args.seed() == null ? Seed.defaultJson() : Files.readString(args.seed());
  }
}
