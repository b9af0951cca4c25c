package io.llmgateway.openai;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The guide's balance check (a 1-token call on the cheapest model) with a TTL cache, and the guard
 * that refuses to send while the balance is known to be empty. Thread-safe; at most one probe is in
 * flight.
 */
final class BalanceProbe {
  private final HiveOpsClient client;
  private final String model;
  private final Duration ttl;
  private final boolean guard;
  private final Clock clock;
  private @Nullable BalanceCheck last;
  private @Nullable CompletableFuture<BalanceCheck> inFlight;

  BalanceProbe(HiveOpsClient client, String model, Duration ttl, boolean guard, Clock clock) {
    this.client = client;
    this.model = model;
    this.ttl = ttl;
    this.guard = guard;
    this.clock = clock;
  }

  /**
   * The cached answer, else one probe. Single-flight: while a probe is out, other callers wait for
   * its answer instead of sending their own (a burst of checks costs one call). Blocking.
   */
  BalanceCheck check() {
    CompletableFuture<BalanceCheck> mine = new CompletableFuture<>();
    CompletableFuture<BalanceCheck> running;
    synchronized (this) {
      BalanceCheck cached = fresh();
      if (cached != null) {
        return cached;
      }
      running = inFlight;
      if (running == null) {
        inFlight = mine;
      }
    }
    if (running != null) {
      return await(running);
    }
    try {
      BalanceCheck result = probe();
      mine.complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      synchronized (this) {
        inFlight = null;
      }
    }
  }

  private BalanceCheck probe() {
    ChatCompletionCreateParams probe =
        ChatCompletionCreateParams.builder()
            .model(model)
            .addUserMessage("test")
            .maxTokens(1)
            .build();
    BalanceCheck result;
    try {
      // One try: a probe that needs retries has already told us what we can know.
      client.send(probe, CallOptions.builder().retryPolicy(RetryPolicy.none()).build());
      result =
          new BalanceCheck(
              BalanceCheck.Status.OK, "1-token probe on " + model + " succeeded", clock.instant());
    } catch (InsufficientCreditsException e) {
      return current(); // send() recorded it
    } catch (LlmGatewayException e) {
      // Unknown is not cached: the next check asks again.
      return new BalanceCheck(BalanceCheck.Status.UNKNOWN, e.getMessage(), clock.instant());
    }
    synchronized (this) {
      last = result;
    }
    return result;
  }

  private BalanceCheck await(CompletableFuture<BalanceCheck> running) {
    try {
      return running.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new BalanceCheck(
          BalanceCheck.Status.UNKNOWN,
          "interrupted while waiting for a balance check",
          clock.instant());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause; // the prober's own failure (a bug), not a gateway answer
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
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
              + client.provider().id()
              + "]",
          ErrorDetails.builder(client.provider()).serverMessage(known.reason()).build());
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
