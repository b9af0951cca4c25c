package io.llmgateway.jobs;

import io.llmgateway.cost.CostLedger;
import io.llmgateway.error.LlmGatewayException;
import org.jspecify.annotations.Nullable;

/** Runs work inside a job and completes the job exactly once, whatever the work does. */
final class JobRunner {
  private final SaasLiteLlmClient client;

  JobRunner(SaasLiteLlmClient client) {
    this.client = client;
  }

  <T extends @Nullable Object> JobResult<T> run(JobSpec spec, JobWork<T> work) {
    JobCreated job = client.createJob(spec);
    CostLedger ledger = new CostLedger(client.config.priceTable);
    JobScope scope = new JobScope(client, job.jobId(), ledger);
    T value;
    try {
      value = work.run(scope);
    } catch (Throwable failure) {
      completeAsFailed(job.jobId(), failure);
      throw rethrow(failure);
    }
    JobCompletion completion = client.completeJob(job.jobId(), JobOutcome.completed());
    return new JobResult<>(
        value, completion, ledger.byModel(), ledger.totalUsage(), ledger.totalCost());
  }

  private void completeAsFailed(String jobId, Throwable failure) {
    String message =
        failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
    try {
      client.completeJob(jobId, JobOutcome.failed(message));
    } catch (LlmGatewayException completeFailure) {
      // The work's error is what the caller needs; the completion's failure rides along.
      failure.addSuppressed(completeFailure);
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
