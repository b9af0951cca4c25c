package io.llmgateway.ratelimit.redis.fleet;

import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.seed.Seed;
import io.llmgateway.testing.state.ReceivedRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The fake gateway in a process of its own for the fleet test, on the real clock: HiveOps limits of
 * {@code args[0]} requests per {@code args[1]} ms for each key. Prints {@code URL <base url>};
 * answers {@code STATS} on stdin with what the shared key's window saw; exits when stdin closes.
 */
public final class FleetGateway {
  static final String SHARED_KEY = "sk-fleet-shared";
  static final String WARM_KEY = "sk-fleet-warmup";

  private FleetGateway() {}

  public static void main(String[] args) throws Exception {
    int requests = Integer.parseInt(args[0]);
    Duration window = Duration.ofMillis(Long.parseLong(args[1]));
    Clock clock = Clock.systemUTC();
    String seed =
        "{\"teams\": [], \"modelGroups\": [], \"hiveOpsKeys\": ["
            + "{\"key\": \""
            + SHARED_KEY
            + "\", \"balanceUsd\": 1000.0, \"expiresInDays\": 90},"
            + "{\"key\": \""
            + WARM_KEY
            + "\", \"balanceUsd\": 1000.0, \"expiresInDays\": 90}]}";
    try (FakeGateway gateway =
        FakeGateway.builder()
            .clock(clock)
            .seed(Seed.fromJson(seed, clock.instant()))
            .hiveOpsLimits(requests, 150_000)
            .hiveOpsRateWindow(window)
            .start()) {
      System.out.println("URL " + gateway.hiveOpsBaseUrl());
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("STATS")) {
          List<ReceivedRequest> shared =
              gateway.requests().stream()
                  .filter(r -> ("Bearer " + SHARED_KEY).equals(r.header("Authorization")))
                  .toList();
          long accepted = gateway.state().hiveOpsKey(SHARED_KEY).totalRequests();
          long last = shared.stream().mapToLong(r -> r.receivedAt().toEpochMilli()).max().orElse(0);
          System.out.println(
              "STATS requests=" + shared.size() + " accepted=" + accepted + " lastArrival=" + last);
          System.out.flush();
        }
      }
    }
  }
}
