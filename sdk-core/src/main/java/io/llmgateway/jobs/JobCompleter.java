package io.llmgateway.jobs;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.retry.RetryDecision;
import io.llmgateway.retry.RetryPolicy;
import java.time.Duration;
import java.util.Map;

/**
 * Completes a job without ever sending complete twice for one success. The real server charges
 * again on a repeated complete (its {@code credit_applied} flag toggles), so a complete whose
 * answer was lost (timeout, cut connection, 5xx) is not re-sent blindly: after the policy's
 * backoff, the job is read back. A terminal status means the complete landed, and the job is not
 * touched again; a job still pending or in progress means it did not, and complete may be sent once
 * more. When the job cannot be read either, the original error is thrown rather than risk a second
 * charge.
 */
final class JobCompleter {
  private static final CallOptions SINGLE_SEND =
      CallOptions.builder().retryPolicy(RetryPolicy.none()).build();

  private final SaasLiteLlmClient client;

  JobCompleter(SaasLiteLlmClient client) {
    this.client = client;
  }

  JobCompletion complete(String jobId, JobOutcome outcome) {
    Map<String, Object> body = outcome.toWire();
    RetryPolicy policy = client.config.retryPolicy;
    Duration waited = Duration.ZERO;
    for (int send = 1; ; send++) {
      try {
        return client.call(
            Endpoint.JOBS_COMPLETE,
            SINGLE_SEND,
            id -> client.api.completeJob(id, jobId, body),
            JobCompletion.class);
      } catch (LlmGatewayException e) {
        RetryDecision decision = policy.decide(send, e, waited, null);
        if (!e.isRetryable() && !NonIdempotentRetries.ambiguous(e)) {
          throw e; // the server refused it: nothing was applied
        }
        pause(decision.shouldRetry() ? decision.delay() : Duration.ofSeconds(1), jobId);
        waited = waited.plus(decision.delay());
        Job job;
        try {
          job = client.getJob(jobId);
        } catch (LlmGatewayException unreadable) {
          e.addSuppressed(unreadable);
          throw e;
        }
        if (job.status().isTerminal()) {
          return JobCompletion.confirmedByRead(job);
        }
        if (!decision.shouldRetry()) {
          throw e;
        }
      }
    }
  }

  private void pause(Duration wait, String jobId) {
    try {
      client.config.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallInterruptedException("complete " + jobId, e);
    }
  }
}
