package io.llmgateway.internal.call;

import io.llmgateway.circuit.CircuitBreaker;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.metrics.AttemptFinished;
import io.llmgateway.metrics.AttemptStarted;
import io.llmgateway.metrics.CallFinished;
import io.llmgateway.metrics.CallStarted;
import io.llmgateway.metrics.RetryScheduled;
import io.llmgateway.metrics.Throttled;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.ratelimit.Reservation;
import io.llmgateway.retry.RetryDecision;
import io.llmgateway.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Everything one call decides, and every event it reports, with the waiting left to the loop that
 * drives it: the blocking {@link ResilientExecutor} sleeps, a coroutine loop suspends. Both ask the
 * same questions in the same order (throttle, circuit, deadline, attempt, retry?), so they give the
 * same answers. Not thread-safe: one driver per call, used by one loop.
 *
 * <pre>{@code
 * CallDriver d = CallDriver.start(executor, endpoint, options);
 * while (true) {
 *   CallDriver.Step step = d.next();               // throws when refused
 *   if (step.isWait()) { wait(step.delay()); d.waited(step); continue; }
 *   try { return d.succeeded(send(step.context())); }
 *   catch (LlmGatewayException e) { Step retry = d.failed(e); wait(retry.delay()); d.waited(retry); }
 *   catch (RuntimeException e) { throw d.aborted(e); }
 * }
 * }</pre>
 */
public final class CallDriver {
  private final ResilientExecutor x;
  private final RetryPolicy policy;
  private final CallContext call;
  private final long tokens;
  private final CallRefusals refusals;
  private int attempts;
  private Duration waited = Duration.ZERO;
  private @Nullable LlmGatewayException last;
  private @Nullable CircuitBreaker breaker;
  private boolean settled;
  private @Nullable Instant attemptStart;
  private boolean finished;
  // The driver's own idea of now: never behind the sum of its waits, so a clock that does not
  // move (a test's fixed clock) cannot trap it in a throttle loop.
  private Instant floor;

  private CallDriver(ResilientExecutor x, Endpoint endpoint, CallOptions options) {
    this.x = x;
    this.policy = x.retryPolicyFor(options);
    this.call = x.newCall(endpoint, options);
    this.tokens = x.tokenEstimate(options);
    this.floor = call.startedAt();
    this.refusals = new CallRefusals(x.provider, call);
  }

  /** Starts a call (and reports it). */
  public static CallDriver start(
      ResilientExecutor executor, Endpoint endpoint, CallOptions options) {
    CallDriver d = new CallDriver(executor, endpoint, options);
    executor.listener.onEvent(
        new CallStarted(executor.provider, endpoint, d.call.startedAt(), d.call.requestId()));
    return d;
  }

  public CallContext call() {
    return call;
  }

  /**
   * The next step before an attempt: a wait for the throttle, or an attempt to send.
   *
   * @throws io.llmgateway.error.ThrottledException when the window has no room before the deadline
   * @throws io.llmgateway.error.CircuitOpenException when the circuit is open
   * @throws io.llmgateway.error.CallTimeoutException (TOTAL) when the deadline passed
   */
  public Step next() {
    Instant now = now();
    if (!now.isBefore(call.deadline())) {
      throw fail(refusals.deadlinePassed(attempts, last));
    }
    Reservation reservation = x.rateLimiter.reserve(tokens, now, call.deadline());
    switch (reservation.status()) {
      case GRANTED:
        break;
      case WAIT:
        x.listener.onEvent(
            new Throttled(x.provider, call.endpoint(), now, call.requestId(), reservation.delay()));
        return Step.waitFor(reservation.delay(), now);
      default:
        throw fail(CallRefusals.withLast(refusals.throttled(reservation.delay()), last));
    }
    if (breaker == null) {
      CircuitBreaker b = x.circuitBreakers.breaker(x.provider, call.endpoint());
      if (!b.tryAcquire(now)) {
        x.rateLimiter.release(reservation, now);
        throw fail(CallRefusals.withLast(refusals.circuitOpen(b.retryAfter(now)), last));
      }
      breaker = b; // one permit for the whole call, its retries included
    } else if (breaker.isOpen(now)) {
      // Other calls opened it while this one waited to retry: stop here.
      x.rateLimiter.release(reservation, now);
      throw fail(CallRefusals.withLast(refusals.circuitOpen(breaker.retryAfter(now)), last));
    }
    Duration remaining = Duration.between(now, call.deadline());
    attempts++;
    Duration timeout =
        remaining.compareTo(call.attemptTimeout()) < 0 ? remaining : call.attemptTimeout();
    AttemptContext ctx =
        new AttemptContext(
            call, attempts, timeout, remaining, x.rateLimiter, reservation, x.clock, x.listener);
    attemptStart = now;
    x.listener.onEvent(
        new AttemptStarted(x.provider, call.endpoint(), now, call.requestId(), attempts, timeout));
    return Step.attempt(ctx);
  }

  /** Tells the driver the loop has waited out {@code step}. */
  public void waited(Step step) {
    if (step.until.isAfter(floor)) {
      floor = step.until;
    }
  }

  /** The attempt returned {@code value}: the call succeeded. */
  public <T> T succeeded(T value) {
    Instant end = now();
    if (!settled) {
      settled = true;
      breaker().onSuccess(end); // one outcome per call, after its retries
    }
    if (attemptStart != null) {
      x.rateLimiter.observeLatency(Duration.between(attemptStart, end)); // learns the edge margin
    }
    attemptFinished(end, null, null);
    finish(null, end);
    return value;
  }

  /**
   * The attempt failed with {@code error}: returns the wait before the next attempt, or throws the
   * error (or a TOTAL timeout when the deadline cannot fit another attempt).
   */
  public Step failed(LlmGatewayException error) {
    last = error;
    Instant end = now();
    breaker(); // an attempt must be running
    x.rateLimiter.observe(error.rateLimit(), end, error.retryAfter()); // the server's wait wins
    attemptFinished(end, error.status(), error);
    RetryDecision d =
        policy.decide(attempts, error, waited, Duration.between(end, call.deadline()));
    if (d.action() == RetryDecision.Action.RETRY) {
      x.listener.onEvent(
          new RetryScheduled(
              x.provider,
              call.endpoint(),
              end,
              call.requestId(),
              attempts,
              d.delay(),
              d.reason(),
              error.getClass().getSimpleName()));
      waited = waited.plus(d.delay());
      return Step.waitFor(d.delay(), end);
    }
    if (d.action() == RetryDecision.Action.GIVE_UP && d.reason() == RetryDecision.Reason.DEADLINE) {
      throw fail(refusals.deadlinePassed(attempts, error));
    }
    throw fail(error);
  }

  /**
   * The attempt failed with {@code error}, and the loop will not ask this driver whether to retry:
   * a call made of steps (see {@link ChainedCall#asOneCall}) looks elsewhere first, e.g. reads back
   * what a timed-out request did. The call stays open; {@link #end} closes it.
   */
  public void attemptFailed(LlmGatewayException error) {
    if (finished || attemptStart == null) {
      return; // refused before sending (the refusal ended the call), or already told
    }
    last = error;
    Instant end = now();
    x.rateLimiter.observe(error.rateLimit(), end, error.retryAfter());
    attemptFinished(end, error.status(), error);
  }

  /** Whether the call has ended (and reported its end). */
  public boolean ended() {
    return finished;
  }

  /**
   * Ends a call made of steps (see {@link ChainedCall#asOneCall}) with its outcome: {@code error}
   * null is a success; a gateway error is the call's failure (the breaker hears the last attempt's
   * error); anything else (a cancellation, a bug) is not the gateway's. Does nothing once the call
   * has ended (a refusal or a final error from {@link #failed} already ended it).
   */
  public void end(@Nullable Throwable error) {
    if (finished) {
      return;
    }
    if (error == null) {
      Instant end = now();
      if (attemptStart != null) {
        x.rateLimiter.observeLatency(Duration.between(attemptStart, end));
        attemptFinished(end, null, null);
      }
      if (breaker != null && !settled) {
        settled = true;
        breaker.onSuccess(end);
      }
      finish(null, end);
    } else if (error instanceof LlmGatewayException) {
      if (attemptStart != null) {
        attemptFinished(now(), ((LlmGatewayException) error).status(), error);
      }
      fail((LlmGatewayException) error);
    } else {
      aborted(error);
    }
  }

  /**
   * The attempt ended otherwise (a bug, a cancellation): the breaker does not count it. Returns
   * {@code failure} for the loop to throw.
   */
  public <E extends Throwable> E aborted(E failure) {
    if (attemptStart != null) {
      attemptFinished(now(), null, failure);
    }
    settle(null);
    finish(failure);
    return failure;
  }

  /** The call was cancelled between attempts (interrupted sleep, cancelled coroutine). */
  public <E extends Throwable> E cancelled(E cause) {
    settle(null);
    finish(cause);
    return cause;
  }

  private CircuitBreaker breaker() {
    if (breaker == null) {
      throw new IllegalStateException("no attempt is running");
    }
    return breaker;
  }

  /**
   * Ends the call with {@code error} (the last attempt's, or a refusal after it). The breaker hears
   * the call's one outcome: the last attempt's error when there was one (it counts it if it is a
   * server-side failure), else nothing.
   */
  private <E extends RuntimeException> E fail(E error) {
    settle(last);
    finish(error);
    return error;
  }

  /** The breaker's one outcome for this call: a failure, or (null) none at all. */
  private void settle(@Nullable LlmGatewayException failure) {
    CircuitBreaker b = breaker;
    if (b == null || settled) {
      return;
    }
    settled = true;
    if (failure != null) {
      b.onFailure(failure, now());
    } else {
      b.release();
    }
  }

  private void finish(@Nullable Throwable error) {
    if (!finished) {
      finish(error, now());
    }
  }

  private void finish(@Nullable Throwable error, Instant end) {
    if (finished) {
      return;
    }
    finished = true;
    x.listener.onEvent(
        new CallFinished(
            x.provider,
            call.endpoint(),
            end,
            call.requestId(),
            attempts,
            Duration.between(call.startedAt(), end),
            error));
  }

  private void attemptFinished(Instant end, @Nullable Integer status, @Nullable Throwable error) {
    Instant start = attemptStart != null ? attemptStart : end;
    attemptStart = null;
    x.listener.onEvent(
        new AttemptFinished(
            x.provider,
            call.endpoint(),
            end,
            call.requestId(),
            attempts,
            status,
            error == null ? null : error.getClass().getSimpleName(),
            Duration.between(start, end)));
  }

  private Instant now() {
    Instant t = x.clock.instant();
    if (t.isAfter(floor)) {
      floor = t;
    }
    return floor;
  }

  /** What the loop does next: wait {@link #delay()}, or send the attempt {@link #context()}. */
  public static final class Step {
    private final @Nullable AttemptContext context;
    private final Duration delay;
    private final Instant until;

    private Step(@Nullable AttemptContext context, Duration delay, Instant until) {
      this.context = context;
      this.delay = delay;
      this.until = until;
    }

    static Step waitFor(Duration delay, Instant now) {
      Duration d = delay.isNegative() ? Duration.ZERO : delay;
      return new Step(null, d, now.plus(d));
    }

    static Step attempt(AttemptContext context) {
      return new Step(context, Duration.ZERO, Instant.MIN);
    }

    public boolean isWait() {
      return context == null;
    }

    public Duration delay() {
      return delay;
    }

    public AttemptContext context() {
      if (context == null) {
        throw new IllegalStateException("a wait step has no attempt");
      }
      return context;
    }

    @Override
    public String toString() {
      return context == null
          ? "Step{wait " + delay + "}"
          : "Step{attempt " + context.attempt() + "}";
    }
  }
}
