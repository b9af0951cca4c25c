package io.llmgateway.jobs;

import io.llmgateway.error.CompletionUnknownException;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.RateLimitedException;
import io.llmgateway.error.ServiceUnavailableException;
import io.llmgateway.internal.call.CallRuntime;
import io.llmgateway.internal.call.ChainedCall;
import io.llmgateway.internal.call.Futures;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Completes a job exactly once, for every call style. The real server charges again on a repeated
 * complete, so complete is sent again only when the last one provably did nothing: its body was
 * never written whole (refused, failed before it was sent), or the gateway answered that it did not
 * take it (429, 503). After any other failure (a timeout, a cut answer, a 500 or 502) the job is
 * read back, with backoff, while it is not completed and the grace lasts: a completed job confirms
 * the complete; a job still not completed at the end is a {@link CompletionUnknownException}. A
 * refusal (4xx) is final. When the call is cancelled while complete may still be sent, the job is
 * completed with {@code onCancel} instead, once.
 */
final class JobCompletionCall {
  private final JobCalls calls;
  private final CallRuntime rt;
  private final RetryPolicy policy;
  private final CallOptions options;
  private final Duration grace;
  private final Clock clock;

  JobCompletionCall(JobCalls calls, CallRuntime rt, RetryPolicy policy, Duration grace) {
    this.calls = calls;
    this.rt = rt;
    this.policy = policy;
    this.options = CallOptions.builder().retryPolicy(policy).build();
    this.grace = grace;
    this.clock = rt.clock();
  }

  /**
   * Completes {@code jobId} with {@code outcome}; when cancelled before it could, with {@code
   * onCancel} (null: nothing more is sent).
   */
  ChainedCall<JobCompletion> complete(
      String jobId, JobOutcome outcome, @Nullable JobOutcome onCancel) {
    return ChainedCall.asOneCall(
        rt,
        Endpoint.JOBS_COMPLETE,
        options,
        chain -> new Run(chain, jobId, outcome, onCancel).send());
  }

  private final class Run {
    private final ChainedCall<JobCompletion>.Chain chain;
    private final String jobId;
    private final JobOutcome outcome;
    private final @Nullable JobOutcome onCancel;
    private @Nullable Instant graceEnd;
    // Never behind the sum of the pauses: a test's sleeper that does not move the clock still
    // ends the grace.
    private Instant floor = clock.instant();

    Run(
        ChainedCall<JobCompletion>.Chain chain,
        String jobId,
        JobOutcome outcome,
        @Nullable JobOutcome onCancel) {
      this.chain = chain;
      this.jobId = jobId;
      this.outcome = outcome;
      this.onCancel = onCancel;
    }

    /** Sends complete as the call's next attempt. */
    CompletableFuture<JobCompletion> send() {
      WrittenBodies.Tracker sent = new WrittenBodies.Tracker();
      return then(
          chain.attempt(calls.completeOnce(jobId, outcome, sent)),
          (completion, error) ->
              error == null
                  ? CompletableFuture.completedFuture(completion)
                  : afterFailure(error, sent.written()));
    }

    private CompletableFuture<JobCompletion> afterFailure(Throwable error, boolean written) {
      if (error instanceof CancellationException) {
        return cancelled((CancellationException) error, !written);
      }
      if (!(error instanceof LlmGatewayException)) {
        return Futures.failed(error);
      }
      LlmGatewayException e = (LlmGatewayException) error;
      boolean refusedUnprocessed =
          e instanceof RateLimitedException || e instanceof ServiceUnavailableException;
      if (!written || refusedUnprocessed) {
        return then(
            chain.retryAfter(e),
            (v, stop) -> {
              if (stop instanceof CancellationException) {
                return cancelled(stop, true);
              }
              if (stop != null) {
                return Futures.failed(stop); // the policy gave up: the call ended with it
              }
              // The gateway said it did not take it; read first all the same (a proxy may lie).
              return refusedUnprocessed ? readThenResend() : send();
            });
      }
      chain.attemptFailed(e);
      if (isRefusal(e)) {
        return Futures.failed(e); // the server refused it (4xx): nothing was applied
      }
      graceEnd = now().plus(grace);
      return readBack(e, 0);
    }

    private CompletableFuture<Void> paused(Duration delay) {
      Instant until = now().plus(delay);
      return chain.pause(delay).thenRun(() -> floor = until.isAfter(now()) ? until : floor);
    }

    private Instant now() {
      Instant t = clock.instant();
      if (t.isAfter(floor)) {
        floor = t;
      }
      return floor;
    }

    private CompletableFuture<JobCompletion> readThenResend() {
      return then(
          chain.send(calls.getJob(jobId)),
          (job, error) -> {
            if (error == null && job.status().isTerminal()) {
              return CompletableFuture.completedFuture(JobCompletion.confirmedByRead(job));
            }
            Throwable e = error;
            if (e instanceof CancellationException) {
              return cancelled((CancellationException) e, true);
            }
            return send();
          });
    }

    /** Reads the job back while it is not completed and the grace lasts. */
    private CompletableFuture<JobCompletion> readBack(LlmGatewayException cause, int reads) {
      Instant end = graceEnd == null ? now() : graceEnd;
      Duration left = Duration.between(now(), end);
      if (left.isNegative() || left.isZero()) {
        return Futures.failed(unknown(cause, reads));
      }
      Duration backoff = policy.backoff().delay(reads, ThreadLocalRandom.current().nextDouble());
      Duration delay = backoff.compareTo(left) < 0 ? backoff : left;
      return then(
          paused(delay),
          (v, cancel) ->
              cancel != null
                  ? lastLook(cancel)
                  : then(
                      chain.send(calls.getJob(jobId)),
                      (job, error) -> {
                        if (error == null && job.status().isTerminal()) {
                          return CompletableFuture.completedFuture(
                              JobCompletion.confirmedByRead(job));
                        }
                        Throwable e = error;
                        if (e instanceof CancellationException) {
                          return lastLook((CancellationException) e);
                        }
                        if (e != null) {
                          cause.addSuppressed(e);
                        }
                        return readBack(cause, reads + 1);
                      }));
    }

    /** Cancelled while the complete may have landed: one read, then the cancellation. */
    private CompletableFuture<JobCompletion> lastLook(Throwable cancel) {
      return then(
          chain.sendAnyway(calls.getJob(jobId)),
          (job, error) -> {
            if (error != null || !job.status().isTerminal()) {
              cancel.addSuppressed(unknown(null, 0));
            }
            return Futures.failed(cancel);
          });
    }

    /**
     * Cancelled. When the last complete provably did nothing ({@code unprocessed}), the job is
     * completed with {@code onCancel} all the same, once; otherwise it may have landed, and one
     * read tells.
     */
    private CompletableFuture<JobCompletion> cancelled(Throwable cancel, boolean unprocessed) {
      if (!unprocessed) {
        return lastLook(cancel);
      }
      if (onCancel == null) {
        return Futures.failed(cancel);
      }
      return then(
          chain.sendAnyway(calls.completeOnce(jobId, onCancel, new WrittenBodies.Tracker())),
          (completion, error) -> {
            if (error != null) {
              cancel.addSuppressed(error);
            }
            return Futures.failed(cancel);
          });
    }

    private CompletionUnknownException unknown(@Nullable LlmGatewayException cause, int reads) {
      return new CompletionUnknownException(
          "completion of job "
              + jobId
              + " is unknown: the complete request "
              + (cause == null ? "was cut" : "failed (" + cause.getMessage() + ")")
              + " and the job was not completed after "
              + reads
              + (reads == 1 ? " read" : " reads")
              + " within "
              + grace.toSeconds()
              + " s; complete was not sent again, as the server charges again on a repeat"
              + " [saas-litellm]",
          ErrorDetails.of(Provider.SAAS_LITELLM),
          jobId,
          cause);
    }
  }

  /**
   * A 4xx (not 429): the server read the request and refused it, so nothing was applied. A 5xx may
   * come after the work was done (a proxy's 502 after the server charged), so it is never one.
   */
  private static boolean isRefusal(LlmGatewayException e) {
    Integer status = e.status();
    return status != null && status >= 400 && status < 500;
  }

  /** {@code future}, then the future {@code next} makes of its outcome. */
  static <A, B> CompletableFuture<B> then(
      CompletableFuture<A> future, BiFunction<A, @Nullable Throwable, CompletableFuture<B>> next) {
    return future
        .handle((a, t) -> next.apply(a, t == null ? null : ChainedCall.unwrap(t)))
        .thenCompose(Function.identity());
  }
}
