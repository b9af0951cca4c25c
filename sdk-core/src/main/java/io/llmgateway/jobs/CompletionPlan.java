package io.llmgateway.jobs;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.retry.RetryDecision;
import io.llmgateway.retry.RetryPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The decisions of completing a job exactly once, for any loop (blocking here, suspending in
 * sdk-coroutines). The real server charges again on a repeated complete, so a complete whose answer
 * was lost (timeout, cut connection, 5xx) is never re-sent blindly: after the policy's backoff the
 * job is read back. A terminal status means the complete landed; a job still pending or in progress
 * means it did not, and complete may be sent once more. A refusal (4xx) is final. Stateless and
 * thread-safe.
 */
public final class CompletionPlan {
  private final RetryPolicy policy;

  public CompletionPlan(RetryPolicy policy) {
    this.policy = policy;
  }

  /** What to do after send number {@code send} (1 for the first) failed with {@code error}. */
  public Step afterFailure(int send, LlmGatewayException error, Duration waited) {
    if (!error.isRetryable() && !NonIdempotentRetries.ambiguous(error)) {
      return Step.fail(error); // the server refused it: nothing was applied
    }
    RetryDecision decision = policy.decide(send, error, waited, null);
    Duration wait = decision.shouldRetry() ? decision.delay() : Duration.ofSeconds(1);
    return Step.readAfter(wait, decision.shouldRetry(), error);
  }

  /** What to do once the job was read back after {@code step}. */
  public Step afterRead(Job job, Step step) {
    if (job.status().isTerminal()) {
      return Step.confirmed(JobCompletion.confirmedByRead(job));
    }
    return step.mayResend ? Step.resend() : Step.fail(step.error());
  }

  /** What to do after the read itself failed: give up with the original error. */
  public Step afterReadFailure(Step step, LlmGatewayException readFailure) {
    LlmGatewayException error = step.error();
    error.addSuppressed(readFailure);
    return Step.fail(error);
  }

  /** One decision. */
  public static final class Step {
    /** What the loop does next. */
    public enum Action {
      /** Throw {@link #error()}. */
      FAIL,
      /** Wait {@link #wait()}, then read the job and ask {@link #afterRead}. */
      READ_JOB,
      /** The complete landed: return {@link #completion()}. */
      CONFIRMED,
      /** The complete provably did not land: send it again. */
      RESEND
    }

    private final Action action;
    private final Duration wait;
    private final boolean mayResend;
    private final @Nullable LlmGatewayException error;
    private final @Nullable JobCompletion completion;

    private Step(
        Action action,
        Duration wait,
        boolean mayResend,
        @Nullable LlmGatewayException error,
        @Nullable JobCompletion completion) {
      this.action = action;
      this.wait = wait;
      this.mayResend = mayResend;
      this.error = error;
      this.completion = completion;
    }

    static Step fail(LlmGatewayException error) {
      return new Step(Action.FAIL, Duration.ZERO, false, error, null);
    }

    static Step readAfter(Duration wait, boolean mayResend, LlmGatewayException error) {
      return new Step(Action.READ_JOB, wait, mayResend, error, null);
    }

    static Step confirmed(JobCompletion completion) {
      return new Step(Action.CONFIRMED, Duration.ZERO, false, null, completion);
    }

    static Step resend() {
      return new Step(Action.RESEND, Duration.ZERO, false, null, null);
    }

    public Action action() {
      return action;
    }

    public Duration waitTime() {
      return wait;
    }

    /** The error to throw (FAIL) or that caused the read (READ_JOB). */
    public LlmGatewayException error() {
      if (error == null) {
        throw new IllegalStateException(action + " carries no error");
      }
      return error;
    }

    /** The confirmed completion (CONFIRMED). */
    public JobCompletion completion() {
      if (completion == null) {
        throw new IllegalStateException(action + " carries no completion");
      }
      return completion;
    }

    @Override
    public String toString() {
      return "Step{" + action + (wait.isZero() ? "" : ", wait " + wait) + "}";
    }
  }
}
