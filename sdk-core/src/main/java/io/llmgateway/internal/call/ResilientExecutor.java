package io.llmgateway.internal.call;

import io.llmgateway.circuit.CircuitBreakerRegistry;
import io.llmgateway.error.Provider;
import io.llmgateway.logging.CallLogger;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.metrics.CircuitStateChanged;
import io.llmgateway.metrics.MetricsCollector;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.Sleeper;
import io.llmgateway.pipeline.Timeouts;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs calls through the pipeline: throttle, then circuit breaker, then exactly one retry loop,
 * with listener events, metrics and logs at every attempt. Built once per client, thread-safe,
 * shared. Blocking: waits go through the injected {@link Sleeper}.
 *
 * <pre>{@code
 * ResilientExecutor executor = ResilientExecutor.builder()
 *     .provider(Provider.HIVEOPS)
 *     .retryPolicy(RetryPolicy.hiveOps())
 *     .rateLimiter(RateLimiter.of(RateLimitConfig.hiveOps()))
 *     .build();
 * String body = executor.execute(Endpoint.CHAT_COMPLETIONS, CallOptions.defaults(), ctx -> send(ctx));
 * }</pre>
 */
public final class ResilientExecutor {
  final Provider provider;
  final RetryPolicy retryPolicy;
  final Timeouts timeouts;
  final CircuitBreakerRegistry circuitBreakers;
  final RateLimiter rateLimiter;
  final MetricsCollector metrics;
  final CallListener listener;
  final Clock clock;
  final Sleeper sleeper;
  final Supplier<String> requestIds;
  final @Nullable Duration deadline;

  private ResilientExecutor(Builder b) {
    this.provider = Objects.requireNonNull(b.provider, "provider");
    this.retryPolicy = b.retryPolicy;
    this.timeouts = b.timeouts;
    this.circuitBreakers = b.circuitBreakers;
    this.rateLimiter = b.rateLimiter;
    this.metrics = b.metrics;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.requestIds = b.requestIds;
    this.deadline = b.deadline;
    List<CallListener> all = new ArrayList<>();
    all.add(metrics);
    if (b.logging) {
      all.add(b.logger);
    }
    all.addAll(b.listeners);
    this.listener = new SafeListener(all);
    circuitBreakers.addListener(
        (breaker, from, to) -> {
          if (breaker.provider() == provider) {
            listener.onEvent(
                new CircuitStateChanged(
                    breaker.provider(), breaker.endpoint(), clock.instant(), from, to));
          }
        });
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code attempt} until it returns, fails with an error that is not retried, or the deadline
   * passes. Blocks the calling thread during waits.
   *
   * @throws io.llmgateway.error.LlmGatewayException the last attempt's error; {@code
   *     ThrottledException} or {@code CircuitOpenException} when the call was refused before
   *     sending; {@code CallTimeoutException} (kind TOTAL) when the deadline passed
   * @throws CallInterruptedException when the thread was interrupted during a wait
   */
  public <T> T execute(Endpoint endpoint, CallOptions options, Attempt<T> attempt) {
    return new CallLoop<>(this, endpoint, options, attempt).run();
  }

  /** {@link #execute(Endpoint, CallOptions, Attempt)} with default options. */
  public <T> T execute(Endpoint endpoint, Attempt<T> attempt) {
    return execute(endpoint, CallOptions.defaults(), attempt);
  }

  public Provider provider() {
    return provider;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public Timeouts timeouts() {
    return timeouts;
  }

  public CircuitBreakerRegistry circuitBreakers() {
    return circuitBreakers;
  }

  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** The built-in metrics collector, always listening. */
  public MetricsCollector metrics() {
    return metrics;
  }

  /** The retry policy for a call: the call's own, else this executor's. */
  public RetryPolicy retryPolicyFor(CallOptions options) {
    RetryPolicy p = options.retryPolicy();
    return p != null ? p : retryPolicy;
  }

  /**
   * Fixes what stays the same across the attempts of a new call: request id, per-attempt timeout
   * and deadline (the call's, else the executor's, else the attempt timeout times the most attempts
   * plus the total wait cap). For loops other than the blocking one, e.g. a coroutine loop that
   * reuses these policies.
   */
  public CallContext newCall(Endpoint endpoint, CallOptions options) {
    Duration attemptTimeout = options.attemptTimeout();
    if (attemptTimeout == null) {
      attemptTimeout = timeouts.timeoutFor(endpoint);
    }
    Duration budget = options.deadline();
    if (budget == null) {
      budget = deadline;
    }
    if (budget == null) {
      RetryPolicy policy = retryPolicyFor(options);
      budget = times(attemptTimeout, policy.maxAttemptsOverall()).plus(policy.maxTotalWait());
    }
    Instant start = clock.instant();
    String id = options.requestId();
    return new CallContext(
        id != null ? id : requestIds.get(),
        provider,
        endpoint,
        start,
        start.plus(budget),
        attemptTimeout);
  }

  // Duration.multipliedBy goes through BigDecimal; this is exact too (and throws on overflow).
  private static Duration times(Duration d, int n) {
    return Duration.ofSeconds(Math.multiplyExact(d.getSeconds(), (long) n), (long) d.getNano() * n);
  }

  /** The tokens to reserve for a call: the caller's estimate, else request bytes / 4, else 0. */
  public long tokenEstimate(CallOptions options) {
    Long estimate = options.estimatedTokens();
    if (estimate != null) {
      return estimate;
    }
    return options.requestBytes() >= 0 ? rateLimiter.estimateTokens(options.requestBytes()) : 0;
  }

  /** Every listener of this executor (metrics, logs, yours) behind one that never throws. */
  public CallListener listener() {
    return listener;
  }

  public Clock clock() {
    return clock;
  }

  /** How the blocking loop waits (the system's sleep unless a test injected a virtual clock). */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Builds a {@link ResilientExecutor}; only the provider is required. */
  public static final class Builder {
    private @Nullable Provider provider;
    private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
    private Timeouts timeouts = Timeouts.ofDefaults();
    private CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
    private RateLimiter rateLimiter = RateLimiter.ofDefaults();
    private MetricsCollector metrics = new MetricsCollector();
    private final List<CallListener> listeners = new ArrayList<>();
    private boolean logging = true;
    private CallLogger logger = CallLogger.ofDefaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Supplier<String> requestIds = RequestIds.INSTANCE;
    private @Nullable Duration deadline;

    private Builder() {}

    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** The breakers to use; share one registry between clients of the same gateway. */
    public Builder circuitBreakers(CircuitBreakerRegistry circuitBreakers) {
      this.circuitBreakers = Objects.requireNonNull(circuitBreakers, "circuitBreakers");
      return this;
    }

    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /** Adds a listener; listeners are told in the order added, after metrics and logs. */
    public Builder listener(CallListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The metrics collector to feed (e.g. one shared by several executors). */
    public Builder metrics(MetricsCollector metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /** The logger for call events; {@link CallLogger#ofDefaults()} unless set. */
    public Builder logger(CallLogger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /** Whether call events are logged (default true). */
    public Builder logging(boolean logging) {
      this.logging = logging;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Where client request ids come from (default: UUID-shaped ids unique in the process). */
    public Builder requestIds(Supplier<String> requestIds) {
      this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
      return this;
    }

    /** An overall deadline for every call (retries included) unless a call sets its own. */
    public Builder deadline(Duration deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    public ResilientExecutor build() {
      if (provider == null) {
        throw new IllegalStateException("provider is required");
      }
      if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
        throw new IllegalArgumentException("deadline must be positive");
      }
      return new ResilientExecutor(this);
    }
  }
}
