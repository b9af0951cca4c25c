package io.llmgateway.jobs;

import io.llmgateway.circuit.CircuitBreakerRegistry;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.internal.Cleartext;
import io.llmgateway.internal.call.CallRuntime;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.pipeline.Sleeper;
import io.llmgateway.pipeline.Timeouts;
import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimitStore;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.retry.RetryPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/** Builds a {@link SaasLiteLlmClient}; {@link #build()} checks the URL, team and key. */
public final class SaasLiteLlmClientBuilder {
  /** The environment variable read when no key is given. */
  public static final String KEY_ENV = "SAAS_LITELLM_VIRTUAL_KEY";

  @Nullable HttpUrl baseUrl;
  @Nullable String teamId;
  @Nullable String virtualKey;
  @Nullable OkHttpClient okHttpClient;
  Timeouts timeouts = Timeouts.ofDefaults();
  RetryPolicy retryPolicy = RetryPolicy.saasLiteLlm();
  CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
  RateLimiter rateLimiter = RateLimiter.ofDefaults();
  final List<CallListener> listeners = new ArrayList<>();
  Clock clock = Clock.systemUTC();
  Sleeper sleeper = Sleeper.system();
  boolean allowInsecureHttp;
  PriceTable priceTable = PriceTable.EMPTY;
  @Nullable Executor asyncExecutor;
  java.time.Duration streamIdleTimeout = CallRuntime.DEFAULT_STREAM_IDLE_TIMEOUT;
  long maxResponseBytes = CallRuntime.DEFAULT_MAX_RESPONSE_BYTES;
  int maxStreamEventBytes = CallRuntime.DEFAULT_MAX_EVENT_BYTES;
  java.time.@Nullable Duration completionGrace;
  java.time.@Nullable Duration aliasPricesMaxAge;
  boolean diagnoseForbidden;
  // Where build() looks for KEY_ENV; replaced in tests, which cannot set a real variable.
  Function<String, @Nullable String> environment = System::getenv;

  SaasLiteLlmClientBuilder() {}

  /** The server's root, e.g. {@code https://api.example.com/} (paths start at {@code /api}). */
  public SaasLiteLlmClientBuilder baseUrl(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    this.baseUrl = url;
    return this;
  }

  public SaasLiteLlmClientBuilder teamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  /** The team's virtual key; when not set, {@value #KEY_ENV} is read at build time. */
  public SaasLiteLlmClientBuilder virtualKey(String virtualKey) {
    this.virtualKey = virtualKey;
    return this;
  }

  /**
   * A shared client: its connection pool, dispatcher, interceptors, proxy and TLS settings are
   * reused. Its timeouts are not: the SDK's {@link #timeouts} end calls (OkHttp's read, write and
   * call timeouts are off on the SDK's copy, its connect timeout is {@code
   * Timeouts.connectTimeout()}).
   */
  public SaasLiteLlmClientBuilder okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = okHttpClient;
    return this;
  }

  public SaasLiteLlmClientBuilder timeouts(Timeouts timeouts) {
    this.timeouts = timeouts;
    return this;
  }

  public SaasLiteLlmClientBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
    return this;
  }

  public SaasLiteLlmClientBuilder circuitBreakers(CircuitBreakerRegistry circuitBreakers) {
    this.circuitBreakers = circuitBreakers;
    return this;
  }

  public SaasLiteLlmClientBuilder rateLimiter(RateLimiter rateLimiter) {
    this.rateLimiter = rateLimiter;
    return this;
  }

  /**
   * Keeps the throttle's windows in {@code store} under {@code key}, limits learnt from the
   * gateway's headers: every client (in any process) on the same store and key shares one window,
   * e.g. a {@code RedisRateLimitStore} and {@code "saas:team-acme"}. Shorthand for {@code
   * rateLimiter(RateLimiter.of(RateLimitConfig.ofDefaults(), store, key))}. The key names the
   * window; never use the virtual key itself.
   */
  public SaasLiteLlmClientBuilder rateLimitStore(RateLimitStore store, String key) {
    return rateLimiter(RateLimiter.of(RateLimitConfig.ofDefaults(), store, key));
  }

  public SaasLiteLlmClientBuilder listener(CallListener listener) {
    this.listeners.add(listener);
    return this;
  }

  public SaasLiteLlmClientBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  public SaasLiteLlmClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = sleeper;
    return this;
  }

  /** Allows {@code http://} to a host other than loopback. Keys then cross the network in clear. */
  public SaasLiteLlmClientBuilder allowInsecureHttp(boolean allow) {
    this.allowInsecureHttp = allow;
    return this;
  }

  /** Prices of the team's model aliases, for the client-side cost ledger. */
  public SaasLiteLlmClientBuilder priceTable(PriceTable priceTable) {
    this.priceTable = priceTable;
    return this;
  }

  /**
   * Prices the job ledger with the alias prices of {@code GET /api/models} ({@code pricing_input}
   * and {@code pricing_output}, USD per million tokens): read on first use, then kept for {@code
   * maxAge}. Entries of {@link #priceTable} win over the server's.
   */
  public SaasLiteLlmClientBuilder loadAliasPrices(java.time.Duration maxAge) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive");
    }
    this.aliasPricesMaxAge = maxAge;
    return this;
  }

  /**
   * When true, every 403 the client throws (suspended or paused team, no credits, no model access)
   * carries a {@link TeamDiagnosis} read from the team's record: one extra unauthenticated request
   * per 403. Read it with {@link TeamDiagnosis#attachedTo}; logs print it under the stack trace.
   */
  public SaasLiteLlmClientBuilder diagnoseForbidden(boolean diagnose) {
    this.diagnoseForbidden = diagnose;
    return this;
  }

  SaasLiteLlmClientBuilder environment(Function<String, @Nullable String> environment) {
    this.environment = environment;
    return this;
  }

  /**
   * The longest gap allowed between two chunks once a stream has started (default 30 s). The wait
   * for the first chunk is bounded by the stream timeout instead (default 120 s), because the real
   * server sends nothing until the model has finished.
   */
  public SaasLiteLlmClientBuilder streamIdleTimeout(java.time.Duration idle) {
    if (idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive");
    }
    this.streamIdleTimeout = idle;
    return this;
  }

  /**
   * The largest answer read (default 32 MiB); a longer one is a non-retried {@code
   * UnexpectedResponseException}, and no more than this (plus one read buffer) is read.
   */
  public SaasLiteLlmClientBuilder maxResponseSize(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxResponseSize must be positive");
    }
    this.maxResponseBytes = bytes;
    return this;
  }

  /**
   * The largest server-sent event of a stream (default 1 MiB); a longer one ends the stream with a
   * typed error, the text so far kept.
   */
  public SaasLiteLlmClientBuilder maxStreamEventSize(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxStreamEventSize must be positive");
    }
    this.maxStreamEventBytes = bytes;
    return this;
  }

  /**
   * How long a job is read back after a complete whose answer was lost, while it is not yet
   * completed, before the completion is reported unknown (default: the complete timeout, 30 s).
   */
  public SaasLiteLlmClientBuilder completionGrace(java.time.Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("completionGrace must not be negative");
    }
    this.completionGrace = grace;
    return this;
  }

  /** Where the async API runs {@code runJob}; a small pool of daemon threads by default. */
  public SaasLiteLlmClientBuilder asyncExecutor(Executor executor) {
    this.asyncExecutor = executor;
    return this;
  }

  public SaasLiteLlmClient build() {
    if (baseUrl == null) {
      throw new IllegalStateException("baseUrl is required");
    }
    if (teamId == null || teamId.isEmpty()) {
      throw new IllegalStateException("teamId is required");
    }
    if (virtualKey == null) {
      virtualKey = environment.apply(KEY_ENV);
    }
    if (virtualKey == null || virtualKey.isBlank()) {
      throw new IllegalStateException("virtualKey is required (or set " + KEY_ENV + ")");
    }
    if (virtualKey.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
      throw new IllegalStateException("virtualKey contains whitespace or non-ASCII characters");
    }
    Cleartext.check(baseUrl, allowInsecureHttp);
    return new SaasLiteLlmClient(this);
  }
}
