package io.llmgateway.jobs;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.pipeline.CallInterruptedException;
import java.time.Duration;

/** The blocking loop over {@link CompletionPlan}: complete a job exactly once. */
final class JobCompleter {
  private final SaasLiteLlmClient client;
  private final CompletionPlan plan;

  JobCompleter(SaasLiteLlmClient client) {
    this.client = client;
    this.plan = new CompletionPlan(client.config.retryPolicy);
  }

  JobCompletion complete(String jobId, JobOutcome outcome) {
    Duration waited = Duration.ZERO;
    for (int send = 1; ; send++) {
      try {
        return client.calls().completeOnce(jobId, outcome).run();
      } catch (LlmGatewayException e) {
        CompletionPlan.Step step = plan.afterFailure(send, e, waited);
        if (step.action() == CompletionPlan.Step.Action.FAIL) {
          throw step.error();
        }
        pause(step.waitTime(), jobId);
        waited = waited.plus(step.waitTime());
        CompletionPlan.Step next;
        try {
          next = plan.afterRead(client.getJob(jobId), step);
        } catch (LlmGatewayException unreadable) {
          next = plan.afterReadFailure(step, unreadable);
        }
        switch (next.action()) {
          case CONFIRMED:
            return next.completion();
          case FAIL:
            throw next.error();
          default:
            break; // RESEND
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
