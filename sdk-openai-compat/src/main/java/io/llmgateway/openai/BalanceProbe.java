package io.llmgateway.openai;

import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.internal.call.ChainedCall;
import io.llmgateway.internal.call.GatewayCall;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The guide's balance check (a 1-token call on the cheapest model) with a TTL cache, and the guard
 * that refuses to send while the balance is known to be empty. One per client, shared by every call
 * style. Single-flight: while a probe is out, other checks wait for its answer instead of sending
 * their own. Thread-safe.
 */
final class BalanceProbe {
  private static final Endpoint BALANCE = Endpoint.of("balance.check", "balance probe");

  private final Supplier<GatewayCall<ChatResult>> probe;
  private final String model;
  private final Duration ttl;
  private final boolean guard;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Provider provider;
  private @Nullable BalanceCheck last;
  private @Nullable CompletableFuture<BalanceCheck> inFlight;

  BalanceProbe(
      Supplier<GatewayCall<ChatResult>> probe,
      String model,
      Duration ttl,
      boolean guard,
      Clock clock,
      Sleeper sleeper,
      Provider provider) {
    this.probe = probe;
    this.model = model;
    this.ttl = ttl;
    this.guard = guard;
    this.clock = clock;
    this.sleeper = sleeper;
    this.provider = provider;
  }

  /**
   * The cached answer, else one probe (or the one already out). Never fails for a gateway answer.
   */
  GatewayCall<BalanceCheck> check() {
    return new ChainedCall<>(
        BALANCE,
        sleeper,
        chain -> {
          CompletableFuture<BalanceCheck> mine;
          synchronized (this) {
            BalanceCheck cached = fresh();
            if (cached != null) {
              return CompletableFuture.completedFuture(cached);
            }
            if (inFlight != null) {
              return inFlight.thenApply(
                  c -> c); // a waiter's cancel must not cancel the shared probe
            }
            mine = new CompletableFuture<>();
            inFlight = mine;
          }
          chain
              .send(probe.get())
              .whenComplete(
                  (ok, error) -> {
                    Throwable e = error == null ? null : ChainedCall.unwrap(error);
                    synchronized (this) {
                      inFlight = null;
                    }
                    if (e != null && !(e instanceof LlmGatewayException)) {
                      mine.completeExceptionally(e); // cancelled, or a bug: not a gateway answer
                    } else {
                      mine.complete(after((LlmGatewayException) e));
                    }
                  });
          return mine.thenApply(c -> c);
        });
  }

  /** The probe's model. */
  String model() {
    return model;
  }

  /** What the probe said; OK and INSUFFICIENT are cached, UNKNOWN is not (the next check asks). */
  private BalanceCheck after(@Nullable LlmGatewayException failure) {
    Instant now = clock.instant();
    if (failure instanceof InsufficientCreditsException) {
      markInsufficient(failure);
      return current();
    }
    if (failure != null) {
      return new BalanceCheck(BalanceCheck.Status.UNKNOWN, failure.getMessage(), now);
    }
    BalanceCheck ok =
        new BalanceCheck(BalanceCheck.Status.OK, "1-token probe on " + model + " succeeded", now);
    synchronized (this) {
      last = ok;
    }
    return ok;
  }

  synchronized void markInsufficient(LlmGatewayException e) {
    String reason = e.serverMessage().isEmpty() ? e.getMessage() : e.serverMessage();
    last = new BalanceCheck(BalanceCheck.Status.INSUFFICIENT, reason, clock.instant());
  }

  /** Throws, without sending, while a fresh check says the balance is empty. */
  void guard() {
    if (!guard) {
      return;
    }
    BalanceCheck known = fresh();
    if (known != null && known.status() == BalanceCheck.Status.INSUFFICIENT) {
      throw new InsufficientCreditsException(
          "balance known to be empty since "
              + known.checkedAt()
              + "; not sent (add funds, or wait for the balance check to expire) ["
              + provider.id()
              + "]",
          ErrorDetails.builder(provider).serverMessage(known.reason()).build());
    }
  }

  private synchronized BalanceCheck current() {
    BalanceCheck c = last;
    return c != null
        ? c
        : new BalanceCheck(BalanceCheck.Status.UNKNOWN, "no check yet", clock.instant());
  }

  private synchronized @Nullable BalanceCheck fresh() {
    BalanceCheck c = last;
    Instant now = clock.instant();
    return c != null && now.isBefore(c.checkedAt().plus(ttl)) ? c : null;
  }
}
