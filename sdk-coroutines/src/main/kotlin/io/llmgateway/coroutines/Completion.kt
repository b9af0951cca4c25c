package io.llmgateway.coroutines

import io.llmgateway.coroutines.internal.send
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.jobs.CompletionPlan
import io.llmgateway.jobs.JobCompletion
import io.llmgateway.jobs.JobOutcome
import java.time.Duration
import kotlinx.coroutines.delay

/**
 * Completes a job without ever sending complete twice for one success: the suspending loop over the
 * core's [CompletionPlan] (the blocking client runs the same plan). After a lost answer the job is
 * read back; only a job provably not completed gets complete again.
 */
internal suspend fun SuspendingJobClient.completeJobOnce(
  jobId: String,
  outcome: JobOutcome,
): JobCompletion {
  val plan = blocking.completionPlan()
  var waited = Duration.ZERO
  var send = 1
  while (true) {
    val failure =
      try {
        return blocking.calls().completeOnce(jobId, outcome).send(executor)
      } catch (e: LlmGatewayException) {
        e
      }
    val step = plan.afterFailure(send, failure, waited)
    if (step.action() == CompletionPlan.Step.Action.FAIL) throw step.error()
    delay(step.waitTime().toMillis())
    waited += step.waitTime()
    val next =
      try {
        plan.afterRead(getJob(jobId), step)
      } catch (e: LlmGatewayException) {
        plan.afterReadFailure(step, e)
      }
    when (next.action()) {
      CompletionPlan.Step.Action.CONFIRMED -> return next.completion()
      CompletionPlan.Step.Action.FAIL -> throw next.error()
      else -> send++
    }
  }
}
