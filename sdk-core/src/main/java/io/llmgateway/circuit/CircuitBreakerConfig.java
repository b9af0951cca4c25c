package io.llmgateway.circuit;

import io.llmgateway.error.CallTimeoutException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.ServerException;
import io.llmgateway.error.TransportException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How a {@link CircuitBreaker} decides, with Resilience4j's parameter names. Count-based: the
 * breaker opens when, over the last {@code slidingWindowSize} recorded calls (and at least {@code
 * minimumNumberOfCalls}), the failure rate reaches {@code failureRateThreshold} percent. Only
 * server errors (5xx), 429s and transport failures count as failures by default; a caller's 4xx,
 * insufficient credits and cancellations are never recorded. Immutable.
 */
public final class CircuitBreakerConfig {
  /**
   * The default failure predicate: what says the gateway itself is failing, 5xx and transport
   * failures (except the caller's own total deadline). Not a 429: a gateway that asks for less
   * traffic is working, and the throttle, not the breaker, answers it.
   */
  public static final Predicate<LlmGatewayException> SERVER_SIDE_FAILURES =
      e ->
          e instanceof ServerException
              || (e instanceof TransportException
                  && !(e instanceof CallTimeoutException
                      && ((CallTimeoutException) e).kind() == CallTimeoutException.Kind.TOTAL));

  private static final CircuitBreakerConfig DEFAULTS = custom().build();

  private final int slidingWindowSize;
  private final int minimumNumberOfCalls;
  private final float failureRateThreshold;
  private final Duration waitDurationInOpenState;
  private final int permittedNumberOfCallsInHalfOpenState;
  private final Predicate<? super LlmGatewayException> recordFailure;

  private CircuitBreakerConfig(Builder b) {
    this.slidingWindowSize = b.slidingWindowSize;
    this.minimumNumberOfCalls = b.minimumNumberOfCalls;
    this.failureRateThreshold = b.failureRateThreshold;
    this.waitDurationInOpenState = b.waitDurationInOpenState;
    this.permittedNumberOfCallsInHalfOpenState = b.permittedNumberOfCallsInHalfOpenState;
    this.recordFailure = b.recordFailure;
  }

  /**
   * Window of 50 calls, at least 20 recorded, opens at 50 % failures, stays open 60 s, 3 trial
   * calls in half-open. A smaller window opens on bad luck: at 20 calls and 10 recorded, a gateway
   * failing one attempt in five at random opened it within a few thousand calls (the reliability
   * suite's concurrency run).
   */
  public static CircuitBreakerConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * The guides' breaker in one line: opens after {@code failures} failures in a row, stays open for
   * {@code openFor}, then one trial call decides.
   */
  public static CircuitBreakerConfig consecutiveFailures(int failures, Duration openFor) {
    return custom()
        .slidingWindowSize(failures)
        .minimumNumberOfCalls(failures)
        .failureRateThreshold(100)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .build();
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .slidingWindowSize(slidingWindowSize)
        .minimumNumberOfCalls(minimumNumberOfCalls)
        .failureRateThreshold(failureRateThreshold)
        .waitDurationInOpenState(waitDurationInOpenState)
        .permittedNumberOfCallsInHalfOpenState(permittedNumberOfCallsInHalfOpenState)
        .recordFailure(recordFailure);
  }

  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  public int minimumNumberOfCalls() {
    return minimumNumberOfCalls;
  }

  /** In percent, (0, 100]. */
  public float failureRateThreshold() {
    return failureRateThreshold;
  }

  public Duration waitDurationInOpenState() {
    return waitDurationInOpenState;
  }

  public int permittedNumberOfCallsInHalfOpenState() {
    return permittedNumberOfCallsInHalfOpenState;
  }

  /** Whether {@code error} counts as a failure; other errors are ignored (neither way). */
  public boolean isRecordedFailure(LlmGatewayException error) {
    return recordFailure.test(error);
  }

  @Override
  public String toString() {
    return "CircuitBreakerConfig{slidingWindowSize="
        + slidingWindowSize
        + ", minimumNumberOfCalls="
        + minimumNumberOfCalls
        + ", failureRateThreshold="
        + failureRateThreshold
        + ", waitDurationInOpenState="
        + waitDurationInOpenState
        + ", permittedNumberOfCallsInHalfOpenState="
        + permittedNumberOfCallsInHalfOpenState
        + "}";
  }

  /** Builds a {@link CircuitBreakerConfig}; values are checked in {@link #build()}. */
  public static final class Builder {
    private int slidingWindowSize = 50;
    private int minimumNumberOfCalls = 20;
    private float failureRateThreshold = 50;
    private Duration waitDurationInOpenState = Duration.ofSeconds(60);
    private int permittedNumberOfCallsInHalfOpenState = 3;
    private Predicate<? super LlmGatewayException> recordFailure = SERVER_SIDE_FAILURES;

    private Builder() {}

    public Builder slidingWindowSize(int slidingWindowSize) {
      this.slidingWindowSize = slidingWindowSize;
      return this;
    }

    public Builder minimumNumberOfCalls(int minimumNumberOfCalls) {
      this.minimumNumberOfCalls = minimumNumberOfCalls;
      return this;
    }

    public Builder failureRateThreshold(float percent) {
      this.failureRateThreshold = percent;
      return this;
    }

    public Builder waitDurationInOpenState(Duration wait) {
      this.waitDurationInOpenState = Objects.requireNonNull(wait, "wait");
      return this;
    }

    public Builder permittedNumberOfCallsInHalfOpenState(int calls) {
      this.permittedNumberOfCallsInHalfOpenState = calls;
      return this;
    }

    /**
     * Which errors count as failures. Insufficient credits and local rejections are never counted,
     * whatever this says.
     */
    public Builder recordFailure(Predicate<? super LlmGatewayException> recordFailure) {
      this.recordFailure = Objects.requireNonNull(recordFailure, "recordFailure");
      return this;
    }

    public CircuitBreakerConfig build() {
      if (slidingWindowSize < 1) {
        throw new IllegalArgumentException("slidingWindowSize must be >= 1");
      }
      if (minimumNumberOfCalls < 1) {
        throw new IllegalArgumentException("minimumNumberOfCalls must be >= 1");
      }
      if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
        throw new IllegalArgumentException("failureRateThreshold must be in (0, 100]");
      }
      if (waitDurationInOpenState.isNegative() || waitDurationInOpenState.isZero()) {
        throw new IllegalArgumentException("waitDurationInOpenState must be positive");
      }
      if (permittedNumberOfCallsInHalfOpenState < 1) {
        throw new IllegalArgumentException("permittedNumberOfCallsInHalfOpenState must be >= 1");
      }
      return new CircuitBreakerConfig(this);
    }
  }
}
