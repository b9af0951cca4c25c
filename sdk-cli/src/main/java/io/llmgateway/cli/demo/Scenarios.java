package io.llmgateway.cli.demo;

import io.llmgateway.testing.fault.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The SaaS guide's error table as fault scripts, in the guide's order. */
public final class Scenarios {
  private static final String P = Scenario.LLM_CALL;

  public static final List<Scenario> ERROR_TABLE =
      List.of(
          new Scenario(
              "bad-request",
              "400",
              "invalid request",
              f -> f.on("POST", P).next(Fault.detail(400, "Invalid request format"))),
          new Scenario(
              "unauthorized",
              "401",
              "invalid or missing virtual key",
              f -> f.on("POST", P).next(Fault.detail(401, "Invalid or missing API key"))),
          new Scenario(
              "no-credits",
              "403",
              "team out of credits",
              f -> f.on("POST", P).next(Fault.detail(403, "Insufficient credits"))),
          new Scenario(
              "not-found",
              "404",
              "job not found",
              f -> f.on("POST", P).next(Fault.detail(404, "Job not found"))),
          new Scenario(
              "validation",
              "422",
              "field required",
              f ->
                  f.on("POST", P)
                      .next(
                          Fault.status(
                              422,
                              "{\"detail\":[{\"loc\":[\"body\",\"messages\"],"
                                  + "\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}"))),
          new Scenario(
              "rate-limited",
              "429",
              "rate limited once, Retry-After 2 s",
              f ->
                  f.on("POST", P)
                      .next(Fault.detail(429, "Rate limit exceeded").withRetryAfterSeconds(2))
                      .thenPass()),
          new Scenario(
              "server-error",
              "500",
              "two 500s, then the answer",
              f -> f.on("POST", P).times(2, Fault.status(500)).thenPass()),
          new Scenario(
              "unavailable",
              "503",
              "503 on every attempt",
              f -> f.on("POST", P).thenAlways(Fault.status(503))),
          new Scenario(
              "timeout",
              "timeout",
              "no answer within the 300 ms timeout",
              f -> f.on("POST", P).thenAlways(Fault.delayHeaders(Duration.ofMillis(900)))),
          new Scenario(
              "connection",
              "network",
              "connection dropped on every attempt",
              f -> f.on("POST", P).thenAlways(Fault.disconnectAfterRequest())));

  /** Scenarios that are not one llm-call fault. */
  public static final String STREAM_CUT = "stream-cut";

  public static final String BURST = "rate-limit-burst";

  private Scenarios() {}

  public static Optional<Scenario> named(String name) {
    return ERROR_TABLE.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
