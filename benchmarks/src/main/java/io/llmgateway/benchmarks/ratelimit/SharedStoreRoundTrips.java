package io.llmgateway.benchmarks.ratelimit;

import static io.llmgateway.benchmarks.report.Format.f;
import static io.llmgateway.benchmarks.report.Format.seconds;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.benchmarks.Sizes;
import io.llmgateway.benchmarks.hiveops.HiveOpsSetup;
import io.llmgateway.benchmarks.report.Row;
import io.llmgateway.benchmarks.report.Section;
import io.llmgateway.benchmarks.report.Table;
import io.llmgateway.benchmarks.report.Verdict;
import io.llmgateway.error.Provider;
import io.llmgateway.openai.HiveOpsClient;
import io.llmgateway.ratelimit.RateLimitChange;
import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimitState;
import io.llmgateway.ratelimit.RateLimitStore;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.ratelimit.redis.RedisRateLimitConfig;
import io.llmgateway.ratelimit.redis.RedisRateLimitStore;
import io.llmgateway.testing.FakeGateway;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * Row g: what sharing the window costs. The burst of row e from {@code burstThreads} app instances
 * (one thread and one HiveOps client each), their throttles sharing one window: in one in-memory
 * store, then in Redis through one {@link RedisRateLimitStore} connection per instance, as separate
 * processes would have. Counts store operations per call: for Redis, round trips.
 */
public final class SharedStoreRoundTrips {
  private static final String KEY = "sk-fake-hive";

  private SharedStoreRoundTrips() {}

  public static Section run(Sizes sizes, PrintStream log) throws Exception {
    int n = sizes.burstRequests();
    int limit = sizes.burstLimit();
    int instances = sizes.burstThreads();
    Duration window = sizes.burstWindow();
    Duration floor = Burst.floor(n, limit, window);
    RateLimitConfig config =
        RateLimitConfig.custom()
            .requestsPerWindow(limit)
            .tokensPerWindow(10_000_000)
            .window(window)
            .build();
    Table t =
        new Table(
            "shared window in",
            "requests",
            "429s received",
            "failed",
            "total time / floor",
            "store operations",
            "per call");
    Section s =
        new Section(
            "h",
            f(
                "Shared rate window: store operations per call, %d instances, %d requests into"
                    + " %d per %d s",
                instances, n, limit, window.toSeconds()));
    try (LocalRedis redis = LocalRedis.start();
        FakeGateway gateway =
            FakeGateway.builder()
                .clock(Clock.systemUTC())
                .hiveOpsRateWindow(window)
                .hiveOpsLimits(limit, 10_000_000)
                .recordRequests(false)
                .start()) {
      AtomicLong tooMany = new AtomicLong();
      gateway
          .faults()
          .onAny("/chat/completions")
          .thenAlways(
              ctx -> {
                MockResponse real = ctx.realResponse();
                if (real.getStatus().contains(" 429 ")) {
                  tooMany.incrementAndGet();
                }
                return real;
              });

      warmUp(redis, instances, log);
      Counting memory = new Counting(RateLimitStore.inMemory());
      Result inMemory =
          burst(gateway, n, instances, window, i -> memory, config, tooMany, memory::operations);
      log.println(f("  g: in memory: %.2f store operations per call", inMemory.perCall(n)));

      List<RedisRateLimitStore> stores = new ArrayList<>();
      String prefix = "llmgw-bench:" + System.nanoTime() + ":";
      for (int i = 0; i < instances; i++) {
        stores.add(
            RedisRateLimitStore.connect(
                RedisRateLimitConfig.of(redis.url()).toBuilder().keyPrefix(prefix).build()));
      }
      Result shared;
      try {
        shared =
            burst(
                gateway,
                n,
                instances,
                window,
                stores::get,
                config,
                tooMany,
                () -> stores.stream().mapToLong(RedisRateLimitStore::redisCommands).sum());
      } finally {
        stores.forEach(RedisRateLimitStore::close);
      }
      log.println(f("  g: Redis: %.2f round trips per call", shared.perCall(n)));

      for (Result r : List.of(inMemory.named("one in-memory store"), shared.named("Redis"))) {
        t.row(
            r.name,
            n,
            r.tooMany,
            r.outcome.failed(),
            f("%s / %s", seconds(r.outcome.total().toNanos()), seconds(floor.toNanos())),
            r.operations,
            f("%.2f", r.perCall(n)));
      }
      s.text(
          "Each of "
              + instances
              + " threads is one app instance with its own `HiveOpsClient` (throttle "
              + limit
              + " per "
              + window.toSeconds()
              + " s, learning from headers too); their limiters share one key. In memory: one"
              + " `RateLimitStore.inMemory()` for all, wrapped to count `get`, `compareAndSet`"
              + " and `apply`. Redis: one `RedisRateLimitStore` per instance on its defaults, on"
              + " a redis-server on loopback (the one on the PATH, else embedded-redis's), counted"
              + " with `redisCommands()` (every command sent: one Lua script per reservation,"
              + " header observation and token correction). The burst starts just after a window"
              + " boundary of the fake gateway (row e's set-up). Before them, each store served a"
              + " warm-up burst of 200 calls on a gateway whose limit is out of reach.");
      s.table(t);
      boolean pass = shared.perCall(n) <= 4 && shared.tooMany == 0 && shared.outcome.failed() == 0;
      s.row(
          new Row(
              "h",
              "shared window in Redis: round trips per call (429s, failed)",
              f(
                  "%.2f per call (%d x 429, %d failed)",
                  shared.perCall(n), shared.tooMany, shared.outcome.failed()),
              f("in memory %.2f store operations per call", inMemory.perCall(n)),
              f("%.2fx", shared.perCall(n) / inMemory.perCall(n)),
              "at most 4 per call, 0 x 429",
              pass ? Verdict.PASS : Verdict.MISS));
      return s;
    }
  }

  /**
   * Loads both code paths (class loading, first calls, JIT) with a burst of each on a gateway of
   * their own whose limit is out of reach, so that neither measured burst pays for a cold start.
   */
  private static void warmUp(LocalRedis redis, int instances, PrintStream log) throws Exception {
    RateLimitConfig roomy =
        RateLimitConfig.custom()
            .requestsPerWindow(1_000_000)
            .tokensPerWindow(1_000_000_000)
            .window(Duration.ofSeconds(2))
            .build();
    try (FakeGateway gateway =
        FakeGateway.builder()
            .clock(Clock.systemUTC())
            .hiveOpsLimits(1_000_000, 1_000_000_000)
            .recordRequests(false)
            .start()) {
      AtomicLong none = new AtomicLong();
      RateLimitStore memory = RateLimitStore.inMemory();
      burst(gateway, 200, instances, Duration.ofMillis(10), i -> memory, roomy, none, () -> 0);
      List<RedisRateLimitStore> stores = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        stores.add(
            RedisRateLimitStore.connect(
                RedisRateLimitConfig.of(redis.url()).toBuilder().keyPrefix("warm:").build()));
      }
      try {
        burst(gateway, 200, instances, Duration.ofMillis(10), stores::get, roomy, none, () -> 0);
      } finally {
        stores.forEach(RedisRateLimitStore::close);
      }
    }
    log.println("  g: warmed up with 200 calls through each store");
  }

  private interface StoreFor {
    RateLimitStore store(int instance);
  }

  private interface Counter {
    long operations();
  }

  private static Result burst(
      FakeGateway gateway,
      int n,
      int instances,
      Duration window,
      StoreFor stores,
      RateLimitConfig config,
      AtomicLong tooMany,
      Counter counter)
      throws Exception {
    List<HiveOpsClient> clients = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      clients.add(
          HiveOpsClient.builder()
              .baseUrl(gateway.hiveOpsBaseUrl())
              .apiKey(KEY)
              .provider(Provider.HIVEOPS)
              .rateLimiter(RateLimiter.of(config, stores.store(i), "hiveops:bench"))
              .build());
    }
    AtomicInteger next = new AtomicInteger();
    ThreadLocal<HiveOpsClient> mine =
        ThreadLocal.withInitial(() -> clients.get(next.getAndIncrement()));
    ChatCompletionCreateParams params = HiveOpsSetup.ask("gpt-3.5-turbo", "Hello", 5);
    long tooMany0 = tooMany.get();
    long ops0 = counter.operations();
    try {
      Burst.Outcome outcome = Burst.run(n, instances, window, () -> mine.get().chat(params));
      return new Result("", outcome, tooMany.get() - tooMany0, counter.operations() - ops0);
    } finally {
      clients.forEach(HiveOpsClient::close);
    }
  }

  private record Result(String name, Burst.Outcome outcome, long tooMany, long operations) {
    double perCall(int n) {
      return (double) operations / n;
    }

    Result named(String name) {
      return new Result(name, outcome, tooMany, operations);
    }
  }

  /** A store that counts the operations the limiter asks of it. */
  private static final class Counting implements RateLimitStore {
    private final RateLimitStore inner;
    private final AtomicLong operations = new AtomicLong();

    Counting(RateLimitStore inner) {
      this.inner = inner;
    }

    long operations() {
      return operations.get();
    }

    @Override
    public @Nullable RateLimitState get(String key) {
      operations.incrementAndGet();
      return inner.get(key);
    }

    @Override
    public boolean compareAndSet(
        String key, @Nullable RateLimitState expected, RateLimitState next) {
      operations.incrementAndGet();
      return inner.compareAndSet(key, expected, next);
    }

    @Override
    public RateLimitChange.Result apply(String key, RateLimitChange change) {
      operations.incrementAndGet();
      return inner.apply(key, change);
    }
  }
}
