package io.llmgateway.benchmarks.ratelimit;

import static io.llmgateway.benchmarks.report.Format.f;
import static io.llmgateway.benchmarks.report.Format.seconds;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.benchmarks.Sizes;
import io.llmgateway.benchmarks.hiveops.HiveOpsSetup;
import io.llmgateway.benchmarks.report.Row;
import io.llmgateway.benchmarks.report.Section;
import io.llmgateway.benchmarks.report.Table;
import io.llmgateway.benchmarks.report.Verdict;
import io.llmgateway.error.Provider;
import io.llmgateway.openai.HiveOpsClient;
import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.fault.Fault;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.MockResponse;

/**
 * Row e: a burst into the fake gateway's HiveOps personality with a short real-time window, three
 * contestants one after the other, each from a fresh window boundary; 429s counted on the server.
 */
public final class RateLimitAdherence {
  private static final String KEY = "sk-fake-hive";
  private static final int TOKENS_PER_WINDOW = 10_000_000;

  private RateLimitAdherence() {}

  public static Section run(Sizes sizes, PrintStream log) throws Exception {
    int n = sizes.burstRequests();
    int limit = sizes.burstLimit();
    Duration window = sizes.burstWindow();
    Duration floor = Burst.floor(n, limit, window);
    int warmup = warmUp(n);
    log.println("  e: warmed up with " + warmup + " calls per client");
    AtomicLong chats = new AtomicLong();
    AtomicLong tooMany = new AtomicLong();
    try (FakeGateway gateway =
        FakeGateway.builder()
            .clock(Clock.systemUTC())
            .hiveOpsRateWindow(window)
            .hiveOpsLimits(limit, TOKENS_PER_WINDOW)
            .recordRequests(false)
            .start()) {
      gateway
          .faults()
          .onAny("/chat/completions")
          .thenAlways(
              ctx -> {
                MockResponse real = ctx.realResponse();
                chats.incrementAndGet();
                if (real.getStatus().contains(" 429 ")) {
                  tooMany.incrementAndGet();
                }
                return real;
              });
      ChatCompletionCreateParams facadeParams = HiveOpsSetup.ask("gpt-3.5-turbo", "Hello", 5);
      ChatCompletionCreateParams bareParams =
          HiveOpsSetup.ask("llama3:8b-instruct-q8_0", "Hello", 5);

      Table t =
          new Table(
              "contestant",
              "requests",
              "sent (server saw)",
              "429s received",
              "failed",
              "total time",
              "floor",
              "time / floor");
      Section s =
          new Section(
              "e",
              f(
                  "Rate-limit adherence: %d requests from %d threads into %d per %d s",
                  n, sizes.burstThreads(), limit, window.toSeconds()));

      // 1. Our facade, throttle configured for the window.
      HiveOpsClient configured =
          facade(
              gateway,
              RateLimitConfig.custom()
                  .requestsPerWindow(limit)
                  .tokensPerWindow(TOKENS_PER_WINDOW)
                  .window(window)
                  .build());
      Result ours =
          measure(
              "ours: HiveOps facade, throttle " + limit + " per " + window.toSeconds() + " s",
              chats,
              tooMany,
              () -> Burst.run(n, sizes.burstThreads(), window, () -> configured.chat(facadeParams)),
              log);
      configured.close();

      // 2. The guide's naive loop over the bare SDK.
      OpenAIClient bare =
          OpenAIOkHttpClient.builder()
              .baseUrl(gateway.hiveOpsBaseUrl())
              .apiKey(KEY)
              .maxRetries(0)
              .build();
      Result naive =
          measure(
              "guide's call_with_retry over the bare OpenAI SDK",
              chats,
              tooMany,
              () ->
                  Burst.run(
                      n, sizes.burstThreads(), window, () -> NaiveRetryLoop.call(bare, bareParams)),
              log);
      bare.close();

      // 3. Our facade learning the limit from headers only.
      HiveOpsClient learning = facade(gateway, RateLimitConfig.custom().window(window).build());
      Result headersOnly =
          measure(
              "ours: HiveOps facade, throttle learning from headers only",
              chats,
              tooMany,
              () -> Burst.run(n, sizes.burstThreads(), window, () -> learning.chat(facadeParams)),
              log);
      learning.close();

      for (Result r : new Result[] {ours, naive, headersOnly}) {
        t.row(
            r.name,
            r.outcome.requests(),
            r.sent,
            r.tooMany,
            r.outcome.failed() + (r.outcome.failures().isEmpty() ? "" : " " + r.outcome.failures()),
            seconds(r.outcome.total().toNanos()),
            seconds(floor.toNanos()),
            f("%.3f", ratio(r, floor)));
      }
      s.text(
          "Server: the fake gateway's HiveOps personality (`FakeGateway.builder()"
              + ".clock(Clock.systemUTC()).hiveOpsRateWindow("
              + window
              + ").hiveOpsLimits("
              + limit
              + ", "
              + TOKENS_PER_WINDOW
              + ").recordRequests(false)`), real time. Its fixed windows are aligned to multiples"
              + " of the window length since the epoch; a 429 answers `Rate limit exceeded` with"
              + " the five `X-RateLimit-*` headers, the reset an ISO instant rounded up to the"
              + " second. 429s are counted on the server side (a pass-through fault that reads"
              + " the status the personality answered).\n\n"
              + "Before the bursts, both code paths (facade, bare SDK) made "
              + warmup
              + " calls each on a separate fake gateway without a tight limit, every fourth one"
              + " answered 429 (`retry-after-ms: 1`, no rate-limit headers), so class loading, the"
              + " first-call set-up and the JIT are not counted in the bursts. Each burst uses new"
              + " clients.\n\n"
              + "Each contestant starts 5 ms after a window boundary; total time runs from that"
              + " boundary to the last request's end. Floor: "
              + n
              + " requests at "
              + limit
              + " per window need "
              + ((n + limit - 1) / limit)
              + " windows, so the last ones cannot start before "
              + seconds(floor.toNanos())
              + ".\n\n"
              + "- **ours, configured**: `HiveOpsClient.chat` (model `gpt-3.5-turbo`, mapped),"
              + " default settings except `rateLimiter(RateLimiter.of(RateLimitConfig.custom()"
              + ".requestsPerWindow("
              + limit
              + ").tokensPerWindow("
              + TOKENS_PER_WINDOW
              + ").window("
              + window
              + ")))`; it also learns from the headers (default). Default HiveOps retry policy"
              + " (429: 5 attempts, honouring the reset), circuit breaker and balance guard (no"
              + " probe is ever sent).\n"
              + "- **naive loop**: the HiveOps guide's `call_with_retry` in Java: the bare OpenAI"
              + " SDK (`maxRetries(0)`), up to 5 attempts, on `RateLimitException` sleep `2^attempt"
              + " + uniform(0,1)` s, give up after the fifth.\n"
              + "- **ours, headers only**: as the first, but `RateLimitConfig.custom().window("
              + window
              + ")`: no static limit, so the first window is learnt from the responses' headers"
              + " while "
              + sizes.burstThreads()
              + " threads are already sending (the setup of a user who does not configure"
              + " the limit).");
      s.table(t);
      s.row(verdictRow(ours, floor, "ours (configured throttle)"));
      s.row(
          new Row(
              "e",
              "burst, guide's naive retry loop (reference): 429s / failed / time vs floor",
              "-",
              f(
                  "%d x 429, %d failed, %s",
                  naive.tooMany, naive.outcome.failed(), seconds(naive.outcome.total().toNanos())),
              f("%.2fx floor", ratio(naive, floor)),
              "reference",
              Verdict.INFO));
      s.row(verdictRow(headersOnly, floor, "ours (headers only)"));
      return s;
    }
  }

  /**
   * Warms both code paths on a throwaway gateway: {@code calls} calls each, every fourth a 429 with
   * {@code retry-after-ms: 1} so the retry and error paths are loaded too. Returns the count.
   */
  private static int warmUp(int calls) throws Exception {
    AtomicLong seen = new AtomicLong();
    try (FakeGateway gateway =
        FakeGateway.builder()
            .clock(Clock.systemUTC())
            .hiveOpsLimits(1_000_000, 1_000_000_000)
            .recordRequests(false)
            .start()) {
      gateway
          .faults()
          .onAny("/chat/completions")
          .thenAlways(
              ctx ->
                  seen.incrementAndGet() % 4 == 0
                      ? Fault.openAiError(
                              429,
                              "Rate limit exceeded. Please try again later.",
                              "rate_limit_error",
                              "rate_limit_exceeded")
                          .withRetryAfterMs(1)
                          .respond(ctx)
                      : ctx.realResponse());
      try (HiveOpsClient facade =
          facade(
              gateway,
              RateLimitConfig.custom()
                  .requestsPerWindow(1_000_000)
                  .tokensPerWindow(1_000_000_000)
                  .window(Duration.ofMinutes(1))
                  .build())) {
        ChatCompletionCreateParams p = HiveOpsSetup.ask("gpt-3.5-turbo", "Hello", 5);
        for (int i = 0; i < calls; i++) {
          facade.chat(p);
        }
      }
      OpenAIClient bare =
          OpenAIOkHttpClient.builder()
              .baseUrl(gateway.hiveOpsBaseUrl())
              .apiKey(KEY)
              .maxRetries(0)
              .build();
      ChatCompletionCreateParams p = HiveOpsSetup.ask("llama3:8b-instruct-q8_0", "Hello", 5);
      for (int i = 0; i < calls; i++) {
        try {
          bare.chat().completions().create(p);
        } catch (RateLimitException e) {
          // the guide's loop would sleep here; the warm-up only needs the path loaded
        }
      }
      bare.close();
    }
    return calls;
  }

  private static HiveOpsClient facade(FakeGateway gateway, RateLimitConfig config) {
    return HiveOpsClient.builder()
        .baseUrl(gateway.hiveOpsBaseUrl())
        .apiKey(KEY)
        .provider(Provider.HIVEOPS)
        .rateLimiter(RateLimiter.of(config))
        .build();
  }

  private static Row verdictRow(Result r, Duration floor, String who) {
    double ratio = ratio(r, floor);
    boolean pass = r.tooMany == 0 && r.outcome.failed() == 0 && ratio <= 1.05;
    return new Row(
        "e",
        "burst, " + who + ": 429s / failed / time vs floor",
        f(
            "%d x 429, %d failed, %s",
            r.tooMany, r.outcome.failed(), seconds(r.outcome.total().toNanos())),
        "floor " + seconds(floor.toNanos()) + ", 0 x 429",
        f("%.3fx floor", ratio),
        "0 x 429, 0 failed, <= 1.05x floor",
        pass ? Verdict.PASS : Verdict.MISS);
  }

  private static double ratio(Result r, Duration floor) {
    return floor.isZero() ? Double.NaN : (double) r.outcome.total().toNanos() / floor.toNanos();
  }

  @FunctionalInterface
  private interface BurstRun {
    Burst.Outcome run() throws Exception;
  }

  private record Result(String name, Burst.Outcome outcome, long sent, long tooMany) {}

  private static Result measure(
      String name, AtomicLong chats, AtomicLong tooMany, BurstRun run, PrintStream log)
      throws Exception {
    long chats0 = chats.get();
    long tooMany0 = tooMany.get();
    Burst.Outcome outcome = run.run();
    Result r = new Result(name, outcome, chats.get() - chats0, tooMany.get() - tooMany0);
    log.println(
        f(
            "  e: %s: %d x 429, %d failed, %s",
            name, r.tooMany, outcome.failed(), seconds(outcome.total().toNanos())));
    return r;
  }
}
