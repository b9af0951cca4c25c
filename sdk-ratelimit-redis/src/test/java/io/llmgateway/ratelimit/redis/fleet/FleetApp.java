package io.llmgateway.ratelimit.redis.fleet;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.metrics.AttemptFinished;
import io.llmgateway.openai.HiveOpsClient;
import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.ratelimit.redis.RedisRateLimitConfig;
import io.llmgateway.ratelimit.redis.RedisRateLimitStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One app instance of the fleet test, in a JVM of its own, as a new user would write it: a {@link
 * RedisRateLimitStore} on the defaults and a {@link HiveOpsClient} whose throttle keeps its window
 * there. Arguments: Redis URL, gateway base URL, calls, threads, the gateway's window in ms. Prints
 * {@code READY ...} once warm, waits for {@code GO <epoch ms>} on stdin, makes its calls from then
 * on, prints {@code DONE ...} with its counts and exits.
 */
public final class FleetApp {
  private FleetApp() {}

  public static void main(String[] args) throws Exception {
    String redisUrl = args[0];
    String gatewayUrl = args[1];
    int calls = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    // HiveOps' documented limits, in the gateway's window: the fake's is 2 s to keep the test short
    // (with the 1-minute default, the window after each reset would be guessed a minute long).
    RateLimitConfig limits =
        RateLimitConfig.hiveOps().toBuilder()
            .window(Duration.ofMillis(Long.parseLong(args[4])))
            .build();

    long connectStart = System.nanoTime();
    RedisRateLimitStore store = RedisRateLimitStore.connect(config(redisUrl));
    long connectMs = (System.nanoTime() - connectStart) / 1_000_000;
    boolean startedDegraded = store.degraded();

    AtomicInteger tooMany = new AtomicInteger();
    AtomicInteger attempts = new AtomicInteger();
    HiveOpsClient client =
        HiveOpsClient.builder()
            .baseUrl(gatewayUrl)
            .apiKey(FleetGateway.SHARED_KEY)
            .rateLimiter(RateLimiter.of(limits, store, "hiveops:fleet-test"))
            .listener(
                event -> {
                  if (event instanceof AttemptFinished) {
                    attempts.incrementAndGet();
                    Integer status = ((AttemptFinished) event).status();
                    if (status != null && status == 429) {
                      tooMany.incrementAndGet();
                    }
                  }
                })
            .build();
    warmUp(gatewayUrl, store);

    System.out.println("READY connectMs=" + connectMs + " startedDegraded=" + startedDegraded);
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String go = in.readLine();
    if (go == null || !go.startsWith("GO ")) {
      return;
    }
    long startAt = Long.parseLong(go.substring(3).trim());
    long sleep = startAt - System.currentTimeMillis();
    if (sleep > 0) {
      Thread.sleep(sleep);
    }

    long commandsBefore = store.redisCommands();
    long fallbacksBefore = store.fallbacks();
    long recoveriesBefore = store.recoveries();
    AtomicInteger left = new AtomicInteger(calls);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong lastEnd = new AtomicLong();
    AtomicLong slowestCall = new AtomicLong();
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            while (left.getAndDecrement() > 0) {
              long began = System.nanoTime();
              try {
                client.chat(params());
                ok.incrementAndGet();
              } catch (LlmGatewayException e) {
                failed.incrementAndGet();
                errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
              } catch (RuntimeException e) {
                failed.incrementAndGet();
                errors.merge("untyped " + e.getClass().getSimpleName(), 1, Integer::sum);
              }
              slowestCall.accumulateAndGet((System.nanoTime() - began) / 1_000_000, Math::max);
              lastEnd.accumulateAndGet(System.currentTimeMillis(), Math::max);
            }
          });
    }
    pool.shutdown();
    boolean finished = pool.awaitTermination(60, TimeUnit.SECONDS);
    System.out.println(
        "DONE finished="
            + finished
            + " ok="
            + ok
            + " failed="
            + failed
            + " tooMany="
            + tooMany
            + " attempts="
            + attempts
            + " commands="
            + (store.redisCommands() - commandsBefore)
            + " fallbacks="
            + (store.fallbacks() - fallbacksBefore)
            + " recoveries="
            + (store.recoveries() - recoveriesBefore)
            + " timeouts="
            + store.redisTimeouts()
            + " failures="
            + store.redisFailures()
            + " degraded="
            + store.degraded()
            + " lastEnd="
            + lastEnd
            + " slowestCallMs="
            + slowestCall
            + " slowestCommandMs="
            + store.slowestCommand().toMillis()
            + " errors="
            + new TreeMap<>(errors).toString().replace(' ', '_'));
    System.out.flush();
    client.close();
    store.close();
    System.exit(0);
  }

  /**
   * The defaults; for measuring other settings by hand, {@code -Dfleet.commandTimeoutMs=} and
   * {@code -Dfleet.timeoutsBeforeFallback=} (the build never sets them).
   */
  private static RedisRateLimitConfig config(String redisUrl) {
    RedisRateLimitConfig.Builder b = RedisRateLimitConfig.of(redisUrl).toBuilder();
    String timeout = System.getProperty("fleet.commandTimeoutMs");
    if (timeout != null) {
      b.commandTimeout(java.time.Duration.ofMillis(Long.parseLong(timeout)));
    }
    String timeouts = System.getProperty("fleet.timeoutsBeforeFallback");
    if (timeouts != null) {
      b.timeoutsBeforeFallback(Integer.parseInt(timeouts));
    }
    return b.build();
  }

  /** Class loading and JIT of the call path, on a key and a Redis key of its own. */
  private static void warmUp(String gatewayUrl, RedisRateLimitStore store) {
    try (HiveOpsClient warm =
        HiveOpsClient.builder()
            .baseUrl(gatewayUrl)
            .apiKey(FleetGateway.WARM_KEY)
            .rateLimiter(
                RateLimiter.of(
                    RateLimitConfig.hiveOps(),
                    store,
                    "hiveops:fleet-warmup:" + ProcessHandle.current().pid()))
            .build()) {
      for (int i = 0; i < 5; i++) {
        warm.chat(params());
      }
    }
  }

  private static ChatCompletionCreateParams params() {
    return ChatCompletionCreateParams.builder()
        .model("llama3:8b-instruct-q8_0")
        .addUserMessage("hi")
        .build();
  }
}
