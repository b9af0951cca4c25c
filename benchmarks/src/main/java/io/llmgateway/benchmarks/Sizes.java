package io.llmgateway.benchmarks;

import java.time.Duration;

/**
 * How much work each benchmark does. {@link #fullRun()} is the real run; {@link #quickRun()} only
 * proves the harness works end to end (its numbers are noise).
 *
 * @param jmhRounds JMH rounds; each round runs one fork of each contestant, alternating
 * @param bodyBatches per-body timer: alternating batches per contestant and body
 * @param bodyBatchSize per-body timer: classifications per batch
 * @param callWarmup side-by-side calls per contestant before measuring
 * @param calls measured side-by-side calls per contestant
 * @param allocCalls calls per contestant in the allocation pass
 * @param streamEvents chunk events in the served stream
 * @param streamWarmup warm-up streams per contestant
 * @param streams measured streams per contestant
 * @param burstRequests rate-limit run: requests per contestant
 * @param burstThreads rate-limit run: threads sending them
 * @param burstLimit rate-limit run: requests allowed per window
 * @param burstWindow rate-limit run: window length (real time)
 * @param faultCalls fault run: calls per client and condition
 * @param faultThreads fault run: threads making them
 * @param coldStarts cold-start run: fresh JVMs per contestant
 */
public record Sizes(
    boolean quick,
    int jmhRounds,
    int jmhWarmupIterations,
    Duration jmhWarmupTime,
    int jmhIterations,
    Duration jmhIterationTime,
    int bodyBatches,
    int bodyBatchSize,
    int callWarmup,
    int calls,
    int allocCalls,
    int streamEvents,
    int streamWarmup,
    int streams,
    int burstRequests,
    int burstThreads,
    int burstLimit,
    Duration burstWindow,
    int faultCalls,
    int faultThreads,
    int coldStarts) {

  public static Sizes fullRun() {
    return new Sizes(
        false,
        3,
        5,
        Duration.ofSeconds(1),
        5,
        Duration.ofSeconds(1),
        9,
        2_000,
        10_000,
        30_000,
        2_000,
        10_000,
        20,
        30,
        300,
        8,
        60,
        Duration.ofSeconds(2),
        400,
        8,
        7);
  }

  public static Sizes quickRun() {
    return new Sizes(
        true,
        1,
        2,
        Duration.ofMillis(500),
        2,
        Duration.ofMillis(500),
        3,
        200,
        2_000,
        2_000,
        200,
        10_000,
        2,
        3,
        30,
        4,
        10,
        Duration.ofSeconds(1),
        40,
        4,
        2);
  }

  /** Smaller still, for the module's own test: only proves a section runs and renders. */
  static Sizes smokeTest() {
    return new Sizes(
        true,
        1,
        1,
        Duration.ofMillis(100),
        1,
        Duration.ofMillis(100),
        1,
        10,
        50,
        50,
        10,
        100,
        1,
        1,
        12,
        2,
        6,
        Duration.ofSeconds(1),
        10,
        2,
        1);
  }
}
