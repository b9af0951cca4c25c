package io.llmgateway.benchmarks.faults;

import static io.llmgateway.benchmarks.report.Format.f;
import static io.llmgateway.benchmarks.report.Format.millis;
import static io.llmgateway.benchmarks.report.Format.percent;
import static io.llmgateway.benchmarks.report.Format.seconds;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.benchmarks.Sizes;
import io.llmgateway.benchmarks.hiveops.HiveOpsSetup;
import io.llmgateway.benchmarks.report.Row;
import io.llmgateway.benchmarks.report.Section;
import io.llmgateway.benchmarks.report.Table;
import io.llmgateway.benchmarks.report.Verdict;
import io.llmgateway.circuit.CircuitBreakerConfig;
import io.llmgateway.error.Provider;
import io.llmgateway.jobs.JobOutcome;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.openai.HiveOpsClient;
import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.SaasMode;
import io.llmgateway.testing.fault.Fault;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Row f: the same calls with no faults, then with 20 % of answers replaced by 503 (a seeded,
 * synchronised {@link Random}), for the job client and the HiveOps facade, real waiting.
 */
public final class RandomFaults {
  static final double FAULT_RATE = 0.2;
  static final long SEED = 20260320L;
  private static final int ATTEMPTS = 3;

  private RandomFaults() {}

  public static Section run(Sizes sizes, PrintStream log) throws Exception {
    int calls = sizes.faultCalls();
    int threads = sizes.faultThreads();
    Random random = new Random(SEED);
    AtomicLong injected = new AtomicLong();
    Fault coin =
        ctx -> {
          boolean fail;
          synchronized (random) {
            fail = random.nextDouble() < FAULT_RATE;
          }
          if (fail) {
            injected.incrementAndGet();
            return Fault.status(503).respond(ctx);
          }
          return ctx.realResponse();
        };
    Section s = new Section("f", "20 % random 503s with the default retry policies");
    Table t =
        new Table(
            "client",
            "503s",
            "calls",
            "succeeded",
            "failed",
            "retries / call",
            "breaker opened",
            "mean",
            "p50",
            "p99",
            "max",
            "wall");
    FaultRun jobClean;
    FaultRun jobFaulty;
    FaultRun hiveClean;
    FaultRun hiveFaulty;
    try (FakeGateway gateway =
        FakeGateway.builder()
            .mode(SaasMode.REAL_SERVER)
            .clock(Clock.systemUTC())
            .hiveOpsLimits(1_000_000, 1_000_000_000)
            .recordRequests(false)
            .start()) {
      LlmCallRequest request =
          LlmCallRequest.builder("chat-fast")
              .user("Tell me a story about a lighthouse")
              .maxTokens(50)
              .build();
      jobRun(gateway, request, calls, threads); // warm-up, not counted
      jobClean = jobRun(gateway, request, calls, threads);
      log.println("  f: job client, no faults: " + jobClean.failed + " failed");
      gateway.faults().onAny("/api/jobs/*/llm-call").thenAlways(coin);
      long injected0 = injected.get();
      jobFaulty = jobRun(gateway, request, calls, threads);
      long jobInjected = injected.get() - injected0;
      gateway.faults().reset();
      log.println("  f: job client, 20 % 503s: " + jobFaulty.failed + " failed");

      ChatCompletionCreateParams params =
          HiveOpsSetup.ask("gpt-3.5-turbo", "Tell me a story about a lighthouse", 50);
      hiveRun(gateway, params, calls, threads); // warm-up, not counted
      hiveClean = hiveRun(gateway, params, calls, threads);
      log.println("  f: HiveOps facade, no faults: " + hiveClean.failed + " failed");
      gateway.faults().onAny("/chat/completions").thenAlways(coin);
      injected0 = injected.get();
      hiveFaulty = hiveRun(gateway, params, calls, threads);
      long hiveInjected = injected.get() - injected0;
      gateway.faults().reset();
      log.println("  f: HiveOps facade, 20 % 503s: " + hiveFaulty.failed + " failed");

      line(t, "job client, no faults", 0, jobClean);
      line(t, "job client, 20 % 503s", jobInjected, jobFaulty);
      line(t, "HiveOps facade, no faults", 0, hiveClean);
      line(t, "HiveOps facade, 20 % 503s", hiveInjected, hiveFaulty);
    }
    double pFail = Math.pow(FAULT_RATE, ATTEMPTS);
    int bound = Binomial.upperBound(calls, pFail, 0.005);
    s.text(
        "Server: the fake gateway (`SaasMode.REAL_SERVER`, so no per-team rate window; real"
            + " clock; HiveOps limits raised to 1,000,000 requests a minute). Faults:"
            + " `faults().onAny(path).thenAlways(ctx -> coin ? Fault.status(503).respond(ctx) :"
            + " ctx.realResponse())`, the coin a `java.util.Random("
            + SEED
            + ")` shared by all threads under a lock, P(503) = "
            + FAULT_RATE
            + ". A 503 replaces the answer before the personality runs (nothing is charged).\n\n"
            + "Each client makes "
            + calls
            + " calls from "
            + threads
            + " threads: once uncounted to warm up, then with no faults, then with faults, a new"
            + " client each time (fresh breaker). Latency is per call, retry waits included; waits are real"
            + " (`Sleeper.system()`).\n\n"
            + "- **job client**: `SaasLiteLlmClient.llmCall` on one job of team `acme` (created"
            + " first, completed after), default policies: SaaS retry policy (3 attempts, 1 s"
            + " doubling, +-25 % jitter), default circuit breaker (50 % of the last 20 calls,"
            + " at least 10), header-learning throttle.\n"
            + "- **HiveOps facade**: `HiveOpsClient.chat`, default policies (HiveOps retry"
            + " policy: 3 attempts for a 503, `2^n + uniform(0,1)` s; default breaker) except a"
            + " throttle raised as in row c so the default 60 a minute does not dominate.\n\n"
            + f(
                "With 3 attempts a call fails only when all three draw a 503: P = 0.2^3 = %.3f,"
                    + " expected success rate %s. Failing more than %d of %d calls has"
                    + " probability below 0.5 %% (binomial tail), so more failures than that"
                    + " mean the policy is not what it says: that is the goal below.",
                pFail, percent(1 - pFail), bound, calls));
    s.table(t);
    s.text(breakerNote(jobFaulty, hiveFaulty));
    rows(s, "job client", jobClean, jobFaulty, bound);
    rows(s, "HiveOps facade", hiveClean, hiveFaulty, bound);
    return s;
  }

  private static void line(Table t, String name, long injected, FaultRun r) {
    t.row(
        name,
        injected,
        r.calls,
        r.calls - r.failed,
        r.failed + (r.failures.isEmpty() ? "" : " " + r.failures),
        f("%.3f", (double) r.retries.get() / r.calls),
        r.circuitOpens.get(),
        millis(r.latencies.mean()),
        millis(r.latencies.median()),
        millis(r.latencies.p99()),
        millis(r.latencies.max()),
        seconds(r.wallNanos));
  }

  private static FaultRun jobRun(
      FakeGateway gateway, LlmCallRequest request, int calls, int threads) throws Exception {
    FaultRun run = new FaultRun();
    SaasLiteLlmClient client =
        SaasLiteLlmClient.builder()
            .baseUrl(gateway.saasBaseUrl() + "/")
            .teamId("acme")
            .virtualKey("sk-fake-acme")
            .listener(run)
            .build();
    String jobId = client.createJob(JobSpec.of("benchmark")).jobId();
    FaultRun.run(run, calls, threads, () -> client.llmCall(jobId, request));
    client.completeJob(jobId, JobOutcome.completed());
    return run;
  }

  private static FaultRun hiveRun(
      FakeGateway gateway, ChatCompletionCreateParams params, int calls, int threads)
      throws Exception {
    FaultRun run = new FaultRun();
    try (HiveOpsClient client =
        HiveOpsClient.builder()
            .baseUrl(gateway.hiveOpsBaseUrl())
            .apiKey("sk-fake-hive")
            .provider(Provider.HIVEOPS)
            .rateLimiter(
                RateLimiter.of(
                    RateLimitConfig.custom()
                        .requestsPerWindow(1_000_000_000L)
                        .tokensPerWindow(1_000_000_000_000L)
                        .window(Duration.ofMinutes(1))
                        .build()))
            .listener(run)
            .build()) {
      FaultRun.run(run, calls, threads, () -> client.chat(params));
    }
    return run;
  }

  /**
   * What the default circuit breaker did, and how likely it was to open by chance at this fault
   * rate and this many attempts: a MISS caused by the breaker reads differently from one caused by
   * the retry policy.
   */
  private static String breakerNote(FaultRun job, FaultRun hive) {
    CircuitBreakerConfig defaults = CircuitBreakerConfig.ofDefaults();
    int jobAttempts = job.calls + (int) job.retries.get();
    int hiveAttempts = hive.calls + (int) hive.retries.get();
    return f(
        "Both clients keep the default circuit breaker (%d-call window, at least %d calls, opens"
            + " at %.0f %% failures, stays open %d s). It opened %d time(s) for the job client and"
            + " %d time(s) for the facade in the faulted runs; %s. With independent 20 %% failures"
            + " such a window reaches %.0f %% at least once within %d attempts (the job client's"
            + " run) in %s of runs, within %d attempts (the facade's) in %s (seeded Monte Carlo,"
            + " 20,000 runs): whether the breaker trips in a given run is luck, and when it does,"
            + " every call fails fast until it half-opens.",
        defaults.slidingWindowSize(),
        defaults.minimumNumberOfCalls(),
        defaults.failureRateThreshold(),
        defaults.waitDurationInOpenState().toSeconds(),
        job.circuitOpens.get(),
        hive.circuitOpens.get(),
        job.failures.containsKey("CircuitOpenException")
                || hive.failures.containsKey("CircuitOpenException")
            ? "`CircuitOpenException` in the failed column is the breaker refusing calls"
            : "no call was refused by an open breaker",
        defaults.failureRateThreshold(),
        jobAttempts,
        percent(BreakerOdds.ofOpening(defaults, FAULT_RATE, jobAttempts, 20_000)),
        hiveAttempts,
        percent(BreakerOdds.ofOpening(defaults, FAULT_RATE, hiveAttempts, 20_000)));
  }

  /** Summary rows for one client: success rate against the binomial bound, and added latency. */
  static void rows(Section s, String who, FaultRun clean, FaultRun faulty, int bound) {
    double rate = (double) (faulty.calls - faulty.failed) / faulty.calls;
    s.row(
        new Row(
            "f",
            who + ": success rate with 20 % 503s",
            percent(rate) + f(" (%d of %d failed)", faulty.failed, faulty.calls),
            "expected " + percent(1 - Math.pow(FAULT_RATE, ATTEMPTS)),
            "-",
            f("<= %d failures (binomial 99.5 %%)", bound),
            faulty.failed <= bound ? Verdict.PASS : Verdict.MISS));
    s.row(
        new Row(
            "f",
            who + ": latency mean / p50 / p99 with 20 % 503s vs none",
            millis(faulty.latencies.mean())
                + " / "
                + millis(faulty.latencies.median())
                + " / "
                + millis(faulty.latencies.p99()),
            millis(clean.latencies.mean())
                + " / "
                + millis(clean.latencies.median())
                + " / "
                + millis(clean.latencies.p99()),
            "added mean " + millis(faulty.latencies.mean() - clean.latencies.mean()),
            "none set (context)",
            Verdict.INFO));
  }
}
