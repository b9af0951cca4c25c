package io.llmgateway.cli.demo;

import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.hiveops.HiveOpsChat;
import io.llmgateway.cli.hiveops.HiveOpsModels;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Demo part 4: the HiveOps guide's "send 65 requests quickly" test, beyond a 60-per-window limit:
 * first the guide's own retry loop ({@code 2^n + random} seconds on a 429), then the SDK, which
 * throttles from the {@code X-RateLimit-*} headers before the server says no.
 */
final class BurstSection {
  static final int REQUESTS = 65;
  private static final MediaType JSON = MediaType.get("application/json");

  private BurstSection() {}

  static Result run(DemoGateway gateway, Printer out, String command) {
    out.line(
        "  "
            + REQUESTS
            + " requests, limit "
            + DemoGateway.HIVE_REQUESTS
            + " per "
            + DemoGateway.HIVE_WINDOW.toSeconds()
            + " s window, as the guide says (waits skipped on the virtual clock)");
    nextWindow(gateway);
    long[] naive = naiveLoop(gateway);
    out.line(
        String.format(
            java.util.Locale.ROOT,
            "  guide's retry loop : %2d x 429 received, waited %5.1f s",
            naive[0],
            naive[1] / 1000.0));
    nextWindow(gateway);
    CallTally tally = gateway.tally();
    tally.reset();
    long start = System.nanoTime();
    HiveOpsChat hive = gateway.hive();
    BigDecimal cost = BigDecimal.ZERO;
    for (int i = 0; i < REQUESTS; i++) {
      BigDecimal usd = hive.chat(HiveOpsModels.DEFAULT_MODEL, "Message " + i, 5).cost().usd();
      cost = usd == null ? cost : cost.add(usd);
      if ((i + 1) % 20 == 0) {
        out.progress("    ... " + (i + 1) + "/" + REQUESTS);
      }
    }
    out.line(
        String.format(
            java.util.Locale.ROOT,
            "  SDK throttling     : %2d x 429 received, waited %5.1f s (until the window reset)",
            tally.tooManyRequests(),
            tally.waitedMs() / 1000.0));
    return Result.ok(command, "hiveops")
        .put("section", "burst")
        .tally(tally)
        .latencyMs((System.nanoTime() - start) / 1_000_000)
        .costUsd(cost)
        .put("requests", (long) REQUESTS)
        .put("sdk_429s", tally.tooManyRequests())
        .put("naive_429s", naive[0])
        .put("naive_waited_ms", naive[1]);
  }

  /** Starts at the top of a fresh window so both runs see the same limit. */
  private static void nextWindow(DemoGateway gateway) {
    Instant now = gateway.clock().instant();
    Instant next = now.truncatedTo(ChronoUnit.MINUTES).plus(DemoGateway.HIVE_WINDOW);
    gateway.clock().skip(Duration.between(now, next).plusMillis(10));
  }

  /** The guide's loop: up to 5 attempts, waiting {@code 2^attempt + random(0, 1)} s on a 429. */
  private static long[] naiveLoop(DemoGateway gateway) {
    Random random = new Random(42);
    long tooMany = 0;
    long waitedMs = 0;
    for (int i = 0; i < REQUESTS; i++) {
      for (int attempt = 0; attempt < 5; attempt++) {
        int status = post(gateway, "Message " + i);
        if (status != 429) {
          break;
        }
        tooMany++;
        long wait = (long) ((Math.pow(2, attempt) + random.nextDouble()) * 1000);
        waitedMs += wait;
        gateway.clock().skip(Duration.ofMillis(wait));
      }
    }
    return new long[] {tooMany, waitedMs};
  }

  private static int post(DemoGateway gateway, String message) {
    String body =
        "{\"model\":\""
            + HiveOpsModels.DEFAULT_MODEL
            + "\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\""
            + message
            + "\"}]}";
    Request request =
        new Request.Builder()
            .url(gateway.fake().hiveOpsBaseUrl() + "/chat/completions")
            .header("Authorization", "Bearer " + DemoGateway.HIVE_KEY)
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response response = gateway.http().newCall(request).execute()) {
      return response.code();
    } catch (IOException e) {
      return -1;
    }
  }
}
