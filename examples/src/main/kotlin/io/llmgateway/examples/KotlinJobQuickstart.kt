package io.llmgateway.examples

// region kotlin-job
import io.llmgateway.coroutines.job
import io.llmgateway.coroutines.llmCallRequest
import io.llmgateway.coroutines.suspending
import io.llmgateway.coroutines.textDeltas
import io.llmgateway.jobs.JobBudget
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.SaasLiteLlmClient
import kotlinx.coroutines.runBlocking

// endregion

// region kotlin-job
fun main() = runBlocking {
  SaasLiteLlmClient.builder()
    .baseUrl(System.getenv("SAAS_LITELLM_BASE_URL"))
    .teamId(System.getenv("SAAS_LITELLM_TEAM_ID"))
    .build()
    .use { client ->
      val jobs = client.suspending()
      val done =
        jobs.job("document-analysis") { // completed exactly once, even when cancelled
          val facts = llmCall(llmCallRequest("chat-fast") { user("Extract the facts") }).content()
          llmCallStream(llmCallRequest("chat-fast") { user("Summarise: $facts") })
            .textDeltas()
            .collect { print(it) } // cancelling the coroutine stops the HTTP call
        }
      println()
      println("credits left: ${done.serverCosts()?.creditsRemaining()}")

      // With a budget, as runJob: the next call is refused once the job has reached it.
      val capped =
        jobs.job(JobSpec.of("batch").withBudget(JobBudget.maxUsd("0.50"))) {
          llmCall(llmCallRequest("chat-fast") { user("Hi") }).content()
        }
      println("${capped.value()} for ${capped.cost()}") // USD per model, priced from /costs
    }
}
// endregion
