package io.llmgateway.circuit;

import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.LocalRejectionException;
import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A count-based circuit breaker for one provider and endpoint, counting calls (each with its
 * retries), not attempts. A decision object: callers ask {@link #tryAcquire(Instant)} before a
 * call's first attempt and report the call's one outcome, after its retries, with {@link
 * #onSuccess(Instant)}, {@link #onFailure(LlmGatewayException, Instant)} or {@link #release()}; it
 * never sleeps and reads time only from its arguments. Thread-safe; state changes go to the {@link
 * CircuitStateListener} outside the lock.
 */
public final class CircuitBreaker {
  private final Provider provider;
  private final Endpoint endpoint;
  private final CircuitBreakerConfig config;
  private final CircuitStateListener listener;
  private final SlidingWindow window;

  private CircuitState state = CircuitState.CLOSED;
  private Instant openUntil = Instant.MIN;
  private int halfOpenPermits;
  private int halfOpenCalls;
  private int halfOpenFailures;

  public CircuitBreaker(
      Provider provider,
      Endpoint endpoint,
      CircuitBreakerConfig config,
      CircuitStateListener listener) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.window = new SlidingWindow(config.slidingWindowSize());
  }

  /**
   * Whether a call may be sent now. Moves an open breaker whose wait is over to half-open. A true
   * answer must be followed by exactly one of onSuccess, onFailure or release.
   */
  public boolean tryAcquire(Instant now) {
    CircuitState from;
    CircuitState to;
    boolean permitted;
    synchronized (this) {
      from = state;
      if (state == CircuitState.OPEN && !now.isBefore(openUntil)) {
        toHalfOpen();
      }
      if (state == CircuitState.CLOSED) {
        permitted = true;
      } else if (state == CircuitState.HALF_OPEN
          && halfOpenPermits < config.permittedNumberOfCallsInHalfOpenState()) {
        halfOpenPermits++;
        permitted = true;
      } else {
        permitted = false;
      }
      to = state;
    }
    fire(from, to);
    return permitted;
  }

  /** Whether the breaker refuses calls at {@code now} (open, its wait not over). */
  public synchronized boolean isOpen(Instant now) {
    return state == CircuitState.OPEN && now.isBefore(openUntil);
  }

  /** How long until an open breaker lets a trial call through; zero when it is not open. */
  public synchronized Duration retryAfter(Instant now) {
    if (state != CircuitState.OPEN || !now.isBefore(openUntil)) {
      return Duration.ZERO;
    }
    return Duration.between(now, openUntil);
  }

  /** Records a successful call. */
  public void onSuccess(Instant now) {
    record(false, now);
  }

  /**
   * Records a failed call. Only errors the config records count (by default 5xx, 429 and transport
   * failures); any other error, insufficient credits and local rejections just release the
   * permission.
   */
  public void onFailure(LlmGatewayException error, Instant now) {
    if (error instanceof InsufficientCreditsException
        || error instanceof LocalRejectionException
        || !config.isRecordedFailure(error)) {
      release();
    } else {
      record(true, now);
    }
  }

  /** Gives back a permission without an outcome (cancellation, an unclassified error). */
  public synchronized void release() {
    if (state == CircuitState.HALF_OPEN && halfOpenPermits > halfOpenCalls) {
      halfOpenPermits--;
    }
  }

  private void record(boolean failure, Instant now) {
    CircuitState from;
    CircuitState to;
    synchronized (this) {
      from = state;
      if (state == CircuitState.CLOSED) {
        window.add(failure);
        int needed = Math.min(config.minimumNumberOfCalls(), config.slidingWindowSize());
        if (window.size() >= needed && window.failureRate() >= config.failureRateThreshold()) {
          toOpen(now);
        }
      } else if (state == CircuitState.HALF_OPEN && halfOpenCalls < halfOpenPermits) {
        // Only trial calls count here; a call admitted before the breaker opened has no permit.
        halfOpenCalls++;
        if (failure) {
          halfOpenFailures++;
        }
        if (halfOpenCalls >= config.permittedNumberOfCallsInHalfOpenState()) {
          float rate = 100f * halfOpenFailures / halfOpenCalls;
          if (rate >= config.failureRateThreshold()) {
            toOpen(now);
          } else {
            state = CircuitState.CLOSED;
            window.clear();
          }
        }
      }
      // OPEN: a call admitted before the breaker opened; its outcome no longer matters.
      to = state;
    }
    fire(from, to);
  }

  private void toOpen(Instant now) {
    state = CircuitState.OPEN;
    openUntil = now.plus(config.waitDurationInOpenState());
    window.clear();
  }

  private void toHalfOpen() {
    state = CircuitState.HALF_OPEN;
    halfOpenPermits = 0;
    halfOpenCalls = 0;
    halfOpenFailures = 0;
  }

  // Called without the lock held, so a listener may call back into the breaker.
  private void fire(CircuitState from, CircuitState to) {
    if (from != to) {
      listener.onStateChange(this, from, to);
    }
  }

  public synchronized CircuitState state() {
    return state;
  }

  /** The failure rate of the calls in the window, in percent; -1 when the window is empty. */
  public synchronized float failureRate() {
    return window.size() == 0 ? -1 : window.failureRate();
  }

  /** Calls recorded in the closed-state window. */
  public synchronized int bufferedCalls() {
    return window.size();
  }

  public Provider provider() {
    return provider;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public CircuitBreakerConfig config() {
    return config;
  }

  @Override
  public String toString() {
    return "CircuitBreaker{" + provider + "/" + endpoint + ", " + state() + "}";
  }
}
