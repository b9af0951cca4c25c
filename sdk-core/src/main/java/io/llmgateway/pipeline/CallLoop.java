package io.llmgateway.pipeline;

import io.llmgateway.circuit.CircuitBreaker;
import io.llmgateway.error.CallTimeoutException;
import io.llmgateway.error.CircuitOpenException;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.ThrottledException;
import io.llmgateway.metrics.AttemptFinished;
import io.llmgateway.metrics.AttemptStarted;
import io.llmgateway.metrics.CallFinished;
import io.llmgateway.metrics.CallStarted;
import io.llmgateway.metrics.RetryScheduled;
import io.llmgateway.metrics.Throttled;
import io.llmgateway.ratelimit.Reservation;
import io.llmgateway.retry.RetryDecision;
import io.llmgateway.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The blocking loop of one call. Thin: every decision comes from the policy objects. */
final class CallLoop<T> {
  private final ResilientExecutor x;
  private final Attempt<T> attempt;
  private final RetryPolicy policy;
  private final CallContext call;
  private final long tokens;
  private int attempts;
  private Duration waited = Duration.ZERO;
  // The loop's own idea of now: never behind the sum of its waits, so a clock that does not move
  // (a test's fixed clock) cannot trap it in a throttle loop.
  private Instant floor;

  CallLoop(ResilientExecutor x, Endpoint endpoint, CallOptions options, Attempt<T> attempt) {
    this.x = x;
    this.attempt = attempt;
    this.policy = x.retryPolicyFor(options);
    this.call = x.newCall(endpoint, options);
    this.floor = call.startedAt();
    this.tokens = x.tokenEstimate(options);
  }

  T run() {
    x.listener.onEvent(
        new CallStarted(x.provider, call.endpoint(), call.startedAt(), call.requestId()));
    try {
      T result = loop();
      finished(null);
      return result;
    } catch (RuntimeException | Error e) {
      finished(e);
      throw e;
    }
  }

  private T loop() {
    @Nullable LlmGatewayException last = null;
    while (true) {
      Reservation reservation;
      try {
        reservation = throttle(last);
      } catch (ThrottledException e) {
        throw withLast(e, last);
      }
      CircuitBreaker breaker = x.circuitBreakers.breaker(x.provider, call.endpoint());
      Instant now = now();
      if (!breaker.tryAcquire(now)) {
        x.rateLimiter.release(reservation, now);
        throw withLast(circuitOpen(breaker.retryAfter(now)), last);
      }
      Duration remaining = Duration.between(now, call.deadline());
      if (remaining.isNegative() || remaining.isZero()) {
        breaker.release();
        x.rateLimiter.release(reservation, now);
        throw deadlinePassed(last);
      }
      attempts++;
      Duration timeout =
          remaining.compareTo(call.attemptTimeout()) < 0 ? remaining : call.attemptTimeout();
      AttemptContext ctx =
          new AttemptContext(
              call, attempts, timeout, remaining, x.rateLimiter, reservation, x.clock);
      x.listener.onEvent(
          new AttemptStarted(
              x.provider, call.endpoint(), now, call.requestId(), attempts, timeout));
      T result;
      try {
        result = attempt.run(ctx);
      } catch (LlmGatewayException e) {
        last = e;
        Instant end = now();
        breaker.onFailure(e, end);
        x.rateLimiter.observe(e.rateLimit(), end);
        attemptFinished(end, now, e.status(), e);
        RetryDecision d =
            policy.decide(attempts, e, waited, Duration.between(end, call.deadline()));
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
                  e.getClass().getSimpleName()));
          sleep(d.delay());
          waited = waited.plus(d.delay());
          continue;
        }
        if (d.action() == RetryDecision.Action.GIVE_UP
            && d.reason() == RetryDecision.Reason.DEADLINE) {
          throw deadlinePassed(e);
        }
        throw e;
      } catch (RuntimeException | Error e) {
        breaker.release();
        attemptFinished(now(), now, null, e);
        throw e;
      }
      Instant end = now();
      breaker.onSuccess(end);
      attemptFinished(end, now, null, null);
      return result;
    }
  }

  private Reservation throttle(@Nullable LlmGatewayException last) {
    while (true) {
      Instant now = now();
      if (!now.isBefore(call.deadline())) {
        throw deadlinePassed(last);
      }
      Reservation r = x.rateLimiter.reserve(tokens, now, call.deadline());
      switch (r.status()) {
        case GRANTED:
          return r;
        case WAIT:
          x.listener.onEvent(
              new Throttled(x.provider, call.endpoint(), now, call.requestId(), r.delay()));
          sleep(r.delay());
          break;
        default:
          throw new ThrottledException(
              "rate-limit window has no room before the deadline of "
                  + call.endpoint()
                  + " (retry after "
                  + seconds(r.delay())
                  + ") ["
                  + x.provider
                  + "]",
              ErrorDetails.builder(x.provider).retryAfter(r.delay()).build());
      }
    }
  }

  private void sleep(Duration d) {
    if (d.isNegative() || d.isZero()) {
      return;
    }
    Instant target = now().plus(d);
    try {
      x.sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallInterruptedException(call.requestId(), e);
    }
    if (target.isAfter(floor)) {
      floor = target;
    }
  }

  private Instant now() {
    Instant t = x.clock.instant();
    if (t.isAfter(floor)) {
      floor = t;
    }
    return floor;
  }

  private void attemptFinished(
      Instant end, Instant start, @Nullable Integer status, @Nullable Throwable error) {
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

  private void finished(@Nullable Throwable error) {
    Instant end = now();
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

  private CircuitOpenException circuitOpen(Duration retryAfter) {
    return new CircuitOpenException(
        "circuit open for "
            + call.endpoint()
            + " (retry after "
            + seconds(retryAfter)
            + ") ["
            + x.provider
            + "]",
        ErrorDetails.builder(x.provider).retryAfter(retryAfter).build());
  }

  private CallTimeoutException deadlinePassed(@Nullable LlmGatewayException last) {
    Duration budget = Duration.between(call.startedAt(), call.deadline());
    return new CallTimeoutException(
        "deadline of "
            + seconds(budget)
            + " for "
            + call.endpoint()
            + " passed after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + (last == null ? "" : "; last error: " + last.getMessage())
            + " ["
            + x.provider
            + "]",
        ErrorDetails.of(x.provider),
        CallTimeoutException.Kind.TOTAL,
        last);
  }

  // A refusal after failed attempts keeps the last real error as context.
  private static <E extends LlmGatewayException> E withLast(
      E refusal, @Nullable LlmGatewayException last) {
    if (last != null) {
      refusal.addSuppressed(last);
    }
    return refusal;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? ms / 1000 + "s"
        : String.format(java.util.Locale.ROOT, "%.3fs", ms / 1000.0);
  }
}
