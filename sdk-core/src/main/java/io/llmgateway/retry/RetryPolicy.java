package io.llmgateway.retry;

import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.RateLimitedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a failed attempt is retried and after how long. A pure decision object: it never
 * sleeps, so the blocking and the coroutine loops share it. Thread-safe and immutable.
 *
 * <p>Order of the questions: is the error retryable (the error's {@link
 * LlmGatewayException#isRetryable()} by default; insufficient credits never, whatever the predicate
 * says)? Are attempts left for its class? Did the server say how long to wait (its {@link
 * LlmGatewayException#retryAfter()})? If so that wait wins over the formula, and when it is longer
 * than {@link #maxWait()}, the total wait budget or the deadline, the answer is {@link
 * RetryDecision.Action#FAIL_FAST}. Otherwise the backoff formula gives the wait, capped at {@link
 * #maxWait()}.
 */
public final class RetryPolicy {
  private static final RetryPolicy SAAS_LITELLM =
      custom()
          .maxAttempts(3)
          .backoff(
              Backoff.exponential(
                  Duration.ofSeconds(1), 2, Duration.ofSeconds(32), Jitter.proportional(0.25)))
          .build();

  private static final RetryPolicy HIVEOPS =
      custom()
          .maxAttempts(3)
          .maxAttempts(RateLimitedException.class, 5)
          .backoff(
              Backoff.exponential(
                  Duration.ofSeconds(1),
                  2,
                  Duration.ofSeconds(32),
                  Jitter.additive(Duration.ofSeconds(1))))
          .build();

  private final int maxAttempts;
  private final Map<Class<? extends LlmGatewayException>, Integer> attemptsByClass;
  private final Backoff backoff;
  private final Predicate<? super LlmGatewayException> retryIf;
  private final Duration maxWait;
  private final Duration maxTotalWait;
  private final DoubleSupplier random;
  private final int maxAttemptsOverall;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.attemptsByClass = Map.copyOf(b.attemptsByClass);
    int max = maxAttempts;
    for (int n : attemptsByClass.values()) {
      max = Math.max(max, n);
    }
    this.maxAttemptsOverall = max; // read on every call's deadline: computed once
    this.backoff = b.backoff;
    this.retryIf = b.retryIf;
    this.maxWait = b.maxWait;
    this.maxTotalWait = b.maxTotalWait;
    this.random = b.random;
  }

  /** The SaaS LiteLLM guide's policy, also the SDK default. See {@link #saasLiteLlm()}. */
  public static RetryPolicy ofDefaults() {
    return SAAS_LITELLM;
  }

  /** 3 attempts; 1 s doubling, capped at 32 s, ±25 % jitter: about 1 s then 2 s. */
  public static RetryPolicy saasLiteLlm() {
    return SAAS_LITELLM;
  }

  /**
   * HiveOps' guide: {@code 2^n} s plus 0-1 s (1, 2, 4, 8 s plus jitter); 5 attempts for 429, 3 for
   * everything else.
   */
  public static RetryPolicy hiveOps() {
    return HIVEOPS;
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return custom().maxAttempts(1).build();
  }

  /** A builder with the SaaS defaults. */
  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.attemptsByClass.putAll(attemptsByClass);
    b.backoff = backoff;
    b.retryIf = retryIf;
    b.maxWait = maxWait;
    b.maxTotalWait = maxTotalWait;
    b.random = random;
    return b;
  }

  /**
   * Decides after attempt number {@code attempt} (1 for the first) failed with {@code error}.
   *
   * @param totalWaited the retry waits already spent on this call
   * @param timeLeft the time left before the caller's deadline, or null for none
   */
  public RetryDecision decide(
      int attempt, LlmGatewayException error, Duration totalWaited, @Nullable Duration timeLeft) {
    if (!isRetryable(error)) {
      return RetryDecision.giveUp(RetryDecision.Reason.NOT_RETRYABLE);
    }
    if (attempt >= maxAttemptsFor(error)) {
      return RetryDecision.giveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED);
    }
    Duration budget = maxTotalWait.minus(totalWaited);
    Duration hint = error.retryAfter();
    if (hint != null) {
      if (hint.compareTo(maxWait) > 0 || hint.compareTo(budget) > 0) {
        return RetryDecision.failFast(hint, RetryDecision.Reason.WAIT_CAP);
      }
      if (timeLeft != null && hint.compareTo(timeLeft) >= 0) {
        return RetryDecision.failFast(hint, RetryDecision.Reason.DEADLINE);
      }
      return RetryDecision.retry(hint, RetryDecision.Reason.SERVER_HINT);
    }
    Duration wait = Durations.min(backoff.delay(attempt - 1, random.getAsDouble()), maxWait);
    if (wait.compareTo(budget) > 0) {
      return RetryDecision.giveUp(RetryDecision.Reason.WAIT_CAP);
    }
    if (timeLeft != null && wait.compareTo(timeLeft) >= 0) {
      return RetryDecision.giveUp(RetryDecision.Reason.DEADLINE);
    }
    return RetryDecision.retry(wait, RetryDecision.Reason.BACKOFF);
  }

  /** Whether {@code error} may be retried at all; insufficient credits never are. */
  public boolean isRetryable(LlmGatewayException error) {
    return !(error instanceof InsufficientCreditsException) && retryIf.test(error);
  }

  /** The attempts allowed (first one included) for the class of {@code error}. */
  public int maxAttemptsFor(LlmGatewayException error) {
    for (Class<?> c = error.getClass(); c != null; c = c.getSuperclass()) {
      Integer n = attemptsByClass.get(c);
      if (n != null) {
        return n;
      }
    }
    return maxAttempts;
  }

  /** The most attempts any error class may get. */
  public int maxAttemptsOverall() {
    return maxAttemptsOverall;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Map<Class<? extends LlmGatewayException>, Integer> attemptsByClass() {
    return attemptsByClass;
  }

  public Backoff backoff() {
    return backoff;
  }

  public Duration maxWait() {
    return maxWait;
  }

  public Duration maxTotalWait() {
    return maxTotalWait;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", byClass="
        + attemptsByClass
        + ", "
        + backoff
        + ", maxWait="
        + maxWait
        + ", maxTotalWait="
        + maxTotalWait
        + "}";
  }

  /** Builds a {@link RetryPolicy}; values are checked in {@link #build()}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private final Map<Class<? extends LlmGatewayException>, Integer> attemptsByClass =
        new LinkedHashMap<>();
    private Backoff backoff =
        Backoff.exponential(
            Duration.ofSeconds(1), 2, Duration.ofSeconds(32), Jitter.proportional(0.25));
    private Predicate<? super LlmGatewayException> retryIf = LlmGatewayException::isRetryable;
    private Duration maxWait = Duration.ofSeconds(60);
    private Duration maxTotalWait = Duration.ofMinutes(2);
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** Attempts in all, the first included (1 means no retry). Default 3. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Attempts for errors of {@code type} or its subclasses (the most specific class wins). */
    public Builder maxAttempts(Class<? extends LlmGatewayException> type, int maxAttempts) {
      attemptsByClass.put(Objects.requireNonNull(type, "type"), maxAttempts);
      return this;
    }

    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** Shorthand for an exponential {@link Backoff}. */
    public Builder backoff(Duration base, double multiplier, Duration cap, Jitter jitter) {
      return backoff(Backoff.exponential(base, multiplier, cap, jitter));
    }

    /**
     * Which errors are retried; default {@link LlmGatewayException#isRetryable()}. Insufficient
     * credits are never retried, whatever this says.
     */
    public Builder retryIf(Predicate<? super LlmGatewayException> retryIf) {
      this.retryIf = Objects.requireNonNull(retryIf, "retryIf");
      return this;
    }

    /** The longest single wait; a server hint above it fails fast. Default 60 s. */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
      return this;
    }

    /** The most time all waits of one call may add up to. Default 2 min. */
    public Builder maxTotalWait(Duration maxTotalWait) {
      this.maxTotalWait = Objects.requireNonNull(maxTotalWait, "maxTotalWait");
      return this;
    }

    /** The source of uniform numbers in [0, 1] for jitter; pin it in tests. */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public RetryPolicy build() {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
      }
      attemptsByClass.forEach(
          (type, n) -> {
            if (n < 1) {
              throw new IllegalArgumentException("maxAttempts for " + type + " must be >= 1");
            }
          });
      if (maxWait.isNegative() || maxTotalWait.isNegative()) {
        throw new IllegalArgumentException("maxWait and maxTotalWait must not be negative");
      }
      return new RetryPolicy(this);
    }
  }
}
