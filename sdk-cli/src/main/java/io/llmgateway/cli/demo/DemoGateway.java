package io.llmgateway.cli.demo;

import io.llmgateway.circuit.CircuitBreakerConfig;
import io.llmgateway.circuit.CircuitBreakerRegistry;
import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.hiveops.HiveOpsChat;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.Timeouts;
import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.SaasMode;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The embedded fake gateway on a {@link DemoClock} (HiveOps: the guide's 60 requests a minute),
 * with a SaaS LiteLLM client for team {@code acme} and HiveOps clients, all reporting to one tally.
 */
public final class DemoGateway implements AutoCloseable {
  public static final String SAAS_KEY = "sk-fake-acme";
  public static final String HIVE_KEY = "sk-fake-hive";
  public static final String HIVE_BROKE_KEY = "sk-fake-hive-broke";
  public static final Duration HIVE_WINDOW = Duration.ofMinutes(1);
  public static final int HIVE_REQUESTS = 60;

  /** The per-attempt timeout the demo uses, so a hung server costs a fraction of a second. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(300);

  private final DemoClock clock;
  private final FakeGateway fake;
  private final CallTally tally;
  private final SaasLiteLlmClient saas;
  private final OkHttpClient http = new OkHttpClient();
  private @Nullable HiveOpsChat hive;

  private DemoGateway(CallTally tally) {
    this.tally = tally;
    this.clock = new DemoClock(Instant.now());
    this.fake =
        FakeGateway.builder()
            .mode(SaasMode.DOCUMENTED)
            .clock(clock)
            .hiveOpsRateWindow(HIVE_WINDOW)
            .hiveOpsLimits(HIVE_REQUESTS, 150_000)
            .recordRequests(false)
            .start();
    this.saas =
        SaasLiteLlmClient.builder()
            .baseUrl(fake.saasBaseUrl())
            .teamId("acme")
            .virtualKey(SAAS_KEY)
            .listener(tally)
            .clock(clock)
            .sleeper(clock.sleeper())
            // The error table sends many failures in a row: keep the breaker out of its way.
            .circuitBreakers(breakers())
            .timeouts(
                Timeouts.custom()
                    .defaultTimeout(Duration.ofSeconds(5))
                    .timeout(Endpoint.JOBS_LLM_CALL, ATTEMPT_TIMEOUT)
                    .build())
            .okHttpClient(http)
            .build();
  }

  public static DemoGateway start(CallTally tally) {
    return new DemoGateway(tally);
  }

  private static CircuitBreakerRegistry breakers() {
    return CircuitBreakerRegistry.of(
        CircuitBreakerConfig.consecutiveFailures(1000, Duration.ofSeconds(1)));
  }

  /**
   * The HiveOps client for {@link #HIVE_KEY}, made once: the burst, the chat and the metrics
   * summary share its throttle and its metrics.
   */
  public synchronized HiveOpsChat hive() {
    if (hive == null) {
      hive = hive(HIVE_KEY);
    }
    return hive;
  }

  /** A new HiveOps client with the guide's retry policy and throttling synced to the fake. */
  public HiveOpsChat hive(String key) {
    return new HiveOpsChat(
        HiveOpsChat.builder(fake.hiveOpsBaseUrl(), key, tally, clock, clock.sleeper())
            .rateLimiter(RateLimiter.of(hiveLimits()))
            .circuitBreakers(breakers())
            .okHttpClient(http)
            .build());
  }

  /** Throttling synced to the fake's window and to the headers it sends. */
  public static RateLimitConfig hiveLimits() {
    return RateLimitConfig.custom()
        .window(HIVE_WINDOW)
        .requestsPerWindow(HIVE_REQUESTS)
        .learnFromHeaders(true)
        .build();
  }

  public DemoClock clock() {
    return clock;
  }

  public FakeGateway fake() {
    return fake;
  }

  public SaasLiteLlmClient saas() {
    return saas;
  }

  public OkHttpClient http() {
    return http;
  }

  public CallTally tally() {
    return tally;
  }

  @Override
  public void close() {
    if (hive != null) {
      hive.close();
    }
    fake.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
