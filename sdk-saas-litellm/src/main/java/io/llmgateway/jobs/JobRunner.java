package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs work inside a job and completes the job exactly once, whatever the work does: returns,
 * throws, is interrupted or cancelled.
 */
final class JobRunner {
  private final SaasLiteLlmClient client;

  JobRunner(SaasLiteLlmClient client) {
    this.client = client;
  }

  <T extends @Nullable Object> JobResult<T> run(JobSpec spec, JobWork<T> work) {
    JobCreated job = client.createJob(spec);
    String jobId = job.jobId();
    CostLedger ledger = new CostLedger(client.priceTable());
    JobScope scope = new JobScope(client, jobId, ledger, spec.budget());
    T value;
    try {
      value = work.run(scope);
    } catch (Throwable failure) {
      completeAsFailed(jobId, failure);
      throw rethrow(failure);
    }
    JobCompletion completion = complete(jobId);
    // The split of each call's tokens is only in /costs; read it also when the completion was
    // confirmed by reading the job (then the complete's own cost summary was lost).
    JobCostReport report = uninterrupted(() -> CostSettlement.settle(client, jobId, ledger));
    return new JobResult<>(
        value, completion, report, ledger.byModel(), ledger.totalUsage(), ledger.totalCost());
  }

  /**
   * Completes the job as completed. The work returned, so an interrupt that was already pending
   * does not stop that; one that comes while complete waits to be sent again completes the job as
   * failed instead.
   */
  private JobCompletion complete(String jobId) {
    boolean interrupted = Thread.interrupted();
    try {
      return client
          .calls()
          .completeJob(jobId, JobOutcome.completed(), JobOutcome.failed("cancelled"))
          .execute();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void completeAsFailed(String jobId, Throwable failure) {
    try {
      JobOutcome failed = JobOutcome.failed(messageOf(failure));
      uninterrupted(() -> client.calls().completeJob(jobId, failed, failed).execute());
    } catch (RuntimeException | Error completeFailure) {
      // The work's error is what the caller needs; the completion's failure rides along.
      failure.addSuppressed(completeFailure);
    }
  }

  /**
   * Runs a step that must finish even when the thread was interrupted (OkHttp refuses to write on
   * an interrupted thread, and a job left in progress is worse than a late return): clears the
   * interrupt flag for the step and sets it again afterwards.
   */
  private static <R> R uninterrupted(Supplier<R> step) {
    boolean interrupted = Thread.interrupted();
    try {
      return step.get();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static String messageOf(Throwable failure) {
    String message = failure.getMessage();
    if (failure instanceof InterruptedException || failure instanceof CancellationException) {
      return "cancelled" + (message == null ? "" : ": " + message);
    }
    return message != null ? message : failure.getClass().getName();
  }

  private static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof RuntimeException) {
      return (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    if (failure instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new JobWorkException(failure);
  }
}
