package io.llmgateway.jobs;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code runJob}: the blocking glue around {@link JobRun}, which does the work of a job's life.
 * Runs the caller's work inside the job and completes the job exactly once, whatever the work does:
 * returns, throws, is interrupted or cancelled.
 */
final class JobRunner {
  private final SaasLiteLlmClient client;

  JobRunner(SaasLiteLlmClient client) {
    this.client = client;
  }

  <T extends @Nullable Object> JobResult<T> run(JobSpec spec, JobWork<T> work) {
    JobRun run = client.startJob(spec).execute();
    T value;
    try {
      value = work.run(new JobScope(run));
    } catch (Throwable failure) {
      completeAsFailed(run, failure);
      throw rethrow(failure);
    }
    // The work returned, so an interrupt already pending does not stop the completion; one that
    // comes while complete waits to be sent again completes the job as failed instead.
    return uninterrupted(() -> run.finish(value).execute());
  }

  private static void completeAsFailed(JobRun run, Throwable failure) {
    try {
      uninterrupted(() -> run.fail(failure).execute());
    } catch (RuntimeException | Error completeFailure) {
      // The work's error is what the caller needs; the completion's failure rides along.
      failure.addSuppressed(completeFailure);
    }
  }

  /**
   * Runs a step with the thread's pending interrupt cleared (the step's work must be done; an
   * interrupt that comes during it still reaches it), and sets the flag again afterwards.
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
