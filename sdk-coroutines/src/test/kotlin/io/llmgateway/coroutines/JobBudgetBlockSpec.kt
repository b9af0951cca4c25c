package io.llmgateway.coroutines

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.cost.ModelPrice
import io.llmgateway.cost.PriceTable
import io.llmgateway.error.BudgetExceededException
import io.llmgateway.jobs.JobBudget
import io.llmgateway.jobs.JobSpec
import io.llmgateway.testing.SaasMode
import kotlinx.coroutines.runBlocking

/** `job(spec) { }` keeps the job's budget and prices its calls as the blocking `runJob` does. */
class JobBudgetBlockSpec :
  FunSpec({
    // chat-fast at $0.15 in / $0.60 out per 1M: a call's USD needs its prompt/completion split.
    val prices =
      PriceTable.builder().put("chat-fast", ModelPrice.perMillion("0.15", "0.60")).build()

    test("a USD budget refuses the next call, after reading /costs for the split") {
      fake().use { gateway ->
        runBlocking {
          var id = ""
          var calls = 0
          val error =
            shouldThrow<BudgetExceededException> {
              gateway
                .suspendingClient { priceTable(prices) }
                .job(JobSpec.of("x").withBudget(JobBudget.maxUsd("0.000001"))) {
                  id = jobId
                  repeat(5) {
                    llmCall(question())
                    calls++
                  }
                }
            }
          error.isRetryable shouldBe false
          error.message!! shouldContain "job budget reached"
          calls shouldBe 1
          gateway.requestsTo("POST", "/llm-call") shouldBe 1
          // Once before the refused call; the failed job's costs are not read.
          gateway.requestsTo("GET", "/costs") shouldBe 1
          val job = gateway.state().job(id)
          job.completeCount() shouldBe 1
          job.status() shouldBe "FAILED"
          job.errorMessage()!! shouldContain "job budget reached"
        }
      }
    }

    test("a token budget refuses a stream before it is sent, and needs no prices") {
      fake(SaasMode.DOCUMENTED).use { gateway ->
        runBlocking {
          var id = ""
          shouldThrow<BudgetExceededException> {
              gateway.suspendingClient().job(JobSpec.of("x").withBudget(JobBudget.maxTokens(10))) {
                id = jobId
                llmCallStream(question()).collectText() // documented streams report usage
                llmCallStream(question()).collectText()
              }
            }
            .message!! shouldContain "tokens used"
          gateway.requestsTo("POST", "/llm-call-stream") shouldBe 1
          gateway.state().job(id).completeCount() shouldBe 1
        }
      }
    }

    test("after completing, /costs prices every call at input and output rates") {
      fake().use { gateway ->
        runBlocking {
          val done =
            gateway
              .suspendingClient { priceTable(prices) }
              .job(JobSpec.of("x")) {
                repeat(3) { llmCall(question()) }
              }
          gateway.requestsTo("POST", "/llm-call") shouldBe 3
          gateway.requestsTo("GET", "/costs") shouldBe 1 // no budget: read once, at the end
          done.costReport() shouldNotBe null
          done.costReport()!!.breakdown().size shouldBe 3
          done.cost().isKnown shouldBe true
          done.costsByModel().single().calls() shouldBe 3L
        }
      }
    }
  })
