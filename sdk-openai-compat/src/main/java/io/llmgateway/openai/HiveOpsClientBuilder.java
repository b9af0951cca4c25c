package io.llmgateway.openai;

import io.llmgateway.circuit.CircuitBreakerRegistry;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.error.Provider;
import io.llmgateway.internal.call.CallRuntime;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.pipeline.Sleeper;
import io.llmgateway.pipeline.Timeouts;
import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimitStore;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/** Builds a {@link HiveOpsClient}; {@link #build()} checks the URL and key. */
public final class HiveOpsClientBuilder {
  /** The environment variable read when no key is given. */
  public static final String KEY_ENV = "HIVEOPS_API_KEY";

  /** The environment variable read when no base URL is given, as openai-java's fromEnv() does. */
  public static final String BASE_URL_ENV = "HIVEOPS_BASE_URL";

  /** HiveOps' documented base URL. */
  public static final String DEFAULT_BASE_URL = "https://ai.hiveops.io";

  @Nullable String baseUrl;
  String pathPrefix = "";
  @Nullable String apiKey;
  Function<String, @Nullable String> environment = System::getenv;
  @Nullable Provider provider;
  boolean allowInsecureHttp;
  boolean allowOpenAiHost;
  @Nullable OkHttpClient okHttpClient;
  final List<Interceptor> interceptors = new ArrayList<>();
  ModelMapping modelMapping = ModelMapping.hiveOpsDefaults();
  MaxTokensGuard maxTokens = MaxTokensGuard.defaults();
  PriceTable prices = HiveOpsPrices.defaults();
  RetryPolicy retryPolicy = RetryPolicy.hiveOps();
  @Nullable RateLimiter rateLimiter;
  Timeouts timeouts = Timeouts.ofDefaults();
  CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
  final List<CallListener> listeners = new ArrayList<>();
  Clock clock = Clock.systemUTC();
  Sleeper sleeper = Sleeper.system();
  String probeModel = "mistral-7b-instruct-v0.3";
  Duration balanceTtl = Duration.ofMinutes(5);
  Duration modelsTtl = Duration.ofMinutes(10);
  boolean balanceGuard = true;
  Duration streamIdleTimeout = CallRuntime.DEFAULT_STREAM_IDLE_TIMEOUT;
  long maxResponseBytes = CallRuntime.DEFAULT_MAX_RESPONSE_BYTES;
  int maxStreamEventBytes = CallRuntime.DEFAULT_MAX_EVENT_BYTES;

  HiveOpsClientBuilder() {}

  /** A builder with this one's settings, changed apart from it: a client keeps its own copy. */
  HiveOpsClientBuilder copy() {
    HiveOpsClientBuilder c = new HiveOpsClientBuilder();
    c.baseUrl = baseUrl;
    c.pathPrefix = pathPrefix;
    c.apiKey = apiKey;
    c.environment = environment;
    c.provider = provider;
    c.allowInsecureHttp = allowInsecureHttp;
    c.allowOpenAiHost = allowOpenAiHost;
    c.okHttpClient = okHttpClient;
    c.interceptors.addAll(interceptors);
    c.modelMapping = modelMapping;
    c.maxTokens = maxTokens;
    c.prices = prices;
    c.retryPolicy = retryPolicy;
    c.rateLimiter = rateLimiter;
    c.timeouts = timeouts;
    c.circuitBreakers = circuitBreakers;
    c.listeners.addAll(listeners);
    c.clock = clock;
    c.sleeper = sleeper;
    c.probeModel = probeModel;
    c.balanceTtl = balanceTtl;
    c.modelsTtl = modelsTtl;
    c.balanceGuard = balanceGuard;
    c.streamIdleTimeout = streamIdleTimeout;
    c.maxResponseBytes = maxResponseBytes;
    c.maxStreamEventBytes = maxStreamEventBytes;
    return c;
  }

  /**
   * The gateway's root; when not set, {@value #BASE_URL_ENV} is read at build time, else {@value
   * #DEFAULT_BASE_URL}.
   */
  public HiveOpsClientBuilder baseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    return this;
  }

  /** A path between the root and {@code /chat/completions}: {@code ""} (default) or {@code /v1}. */
  public HiveOpsClientBuilder pathPrefix(String pathPrefix) {
    this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
    return this;
  }

  /** The key; when not set, {@value #KEY_ENV} is read at build time. */
  public HiveOpsClientBuilder apiKey(String apiKey) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    return this;
  }

  /** The base URL this builder will use: the one set, else the environment's, else the default. */
  String resolvedBaseUrl() {
    if (baseUrl != null) {
      return baseUrl;
    }
    String fromEnv = environment.apply(BASE_URL_ENV);
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : DEFAULT_BASE_URL;
  }

  /** Where {@value #KEY_ENV} is looked up (default {@link System#getenv}); for tests. */
  HiveOpsClientBuilder environment(Function<String, @Nullable String> environment) {
    this.environment = environment;
    return this;
  }

  /** The error dialect; default HIVEOPS for a hiveops.io host, else OPENAI_COMPATIBLE. */
  public HiveOpsClientBuilder provider(Provider provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
    return this;
  }

  /** Allows {@code http://} to a host other than loopback. Keys then cross the network in clear. */
  public HiveOpsClientBuilder allowInsecureHttp(boolean allow) {
    this.allowInsecureHttp = allow;
    return this;
  }

  /**
   * Allows a base URL on {@code openai.com}, refused by default: a HiveOps key sent there would
   * reach a third party. For calling OpenAI itself, with an OpenAI key, through this client.
   */
  public HiveOpsClientBuilder allowOpenAiHost(boolean allow) {
    this.allowOpenAiHost = allow;
    return this;
  }

  /**
   * A shared client: its pool, dispatcher, interceptors, proxy and TLS settings are reused, and our
   * interceptors are added on a copy. Its timeouts are not: the SDK's {@link #timeouts} end calls
   * (OkHttp's read, write and call timeouts are off on the copy, its connect timeout is {@code
   * Timeouts.connectTimeout()}).
   */
  public HiveOpsClientBuilder okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
    return this;
  }

  /** An application interceptor, run after ours (it sees the mapped model). */
  public HiveOpsClientBuilder addInterceptor(Interceptor interceptor) {
    interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
    return this;
  }

  /** Replaces the mapping table (default: the guide's). */
  public HiveOpsClientBuilder modelMapping(ModelMapping mapping) {
    this.modelMapping = Objects.requireNonNull(mapping, "mapping");
    return this;
  }

  /** Adds one mapping on top of the current table. */
  public HiveOpsClientBuilder mapModel(String openAiName, String gatewayId) {
    this.modelMapping =
        modelMapping.with(ModelMapping.builder().put(openAiName, gatewayId).build());
    return this;
  }

  public HiveOpsClientBuilder maxTokens(MaxTokensGuard guard) {
    this.maxTokens = Objects.requireNonNull(guard, "guard");
    return this;
  }

  /** Prices on top of the built-in HiveOps table. */
  public HiveOpsClientBuilder prices(PriceTable more) {
    this.prices = prices.with(more);
    return this;
  }

  public HiveOpsClientBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return this;
  }

  /** The throttle (default {@code RateLimiter.of(RateLimitConfig.hiveOps())}); share it per key. */
  public HiveOpsClientBuilder rateLimiter(RateLimiter rateLimiter) {
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    return this;
  }

  /**
   * Keeps the throttle's windows in {@code store} under {@code key}, with HiveOps' documented
   * limits (and the headers' word): every client (in any process) on the same store and key shares
   * one window, e.g. a {@code RedisRateLimitStore} and {@code "hiveops:team-a"}. Shorthand for
   * {@code rateLimiter(RateLimiter.of(RateLimitConfig.hiveOps(), store, key))}. The key names the
   * window; never use the API key itself.
   */
  public HiveOpsClientBuilder rateLimitStore(RateLimitStore store, String key) {
    return rateLimiter(RateLimiter.of(RateLimitConfig.hiveOps(), store, key));
  }

  public HiveOpsClientBuilder timeouts(Timeouts timeouts) {
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    return this;
  }

  public HiveOpsClientBuilder circuitBreakers(CircuitBreakerRegistry circuitBreakers) {
    this.circuitBreakers = Objects.requireNonNull(circuitBreakers, "circuitBreakers");
    return this;
  }

  public HiveOpsClientBuilder listener(CallListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  public HiveOpsClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public HiveOpsClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /** The model of the balance probe (default the cheapest, {@code mistral-7b-instruct-v0.3}). */
  public HiveOpsClientBuilder balanceProbeModel(String model) {
    this.probeModel = Objects.requireNonNull(model, "model");
    return this;
  }

  /** How long a balance check is trusted (default 5 minutes). */
  public HiveOpsClientBuilder balanceTtl(Duration ttl) {
    this.balanceTtl = Objects.requireNonNull(ttl, "ttl");
    return this;
  }

  /** How long the {@code /models} list is cached (default 10 minutes). */
  public HiveOpsClientBuilder modelsTtl(Duration ttl) {
    this.modelsTtl = Objects.requireNonNull(ttl, "ttl");
    return this;
  }

  /** Whether calls fail fast, unsent, while the balance is known to be empty (default true). */
  public HiveOpsClientBuilder balanceGuard(boolean enabled) {
    this.balanceGuard = enabled;
    return this;
  }

  /**
   * The longest gap allowed between two chunks once a stream has started (default 30 s); the first
   * chunk may take the stream timeout ({@code Timeouts.streamTimeout()}, 120 s), which also bounds
   * the whole stream.
   */
  public HiveOpsClientBuilder streamIdleTimeout(Duration idle) {
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
  public HiveOpsClientBuilder maxResponseSize(long bytes) {
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
  public HiveOpsClientBuilder maxStreamEventSize(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxStreamEventSize must be positive");
    }
    this.maxStreamEventBytes = bytes;
    return this;
  }

  public HiveOpsClient build() {
    if (probeModel.isEmpty()) {
      throw new IllegalStateException("balance probe model must not be empty");
    }
    if (balanceTtl.isNegative() || modelsTtl.isNegative()) {
      throw new IllegalStateException("cache TTLs must not be negative");
    }
    return new HiveOpsClient(this);
  }

  RateLimiter rateLimiterOrDefault() {
    return rateLimiter != null ? rateLimiter : RateLimiter.of(RateLimitConfig.hiveOps());
  }
}
