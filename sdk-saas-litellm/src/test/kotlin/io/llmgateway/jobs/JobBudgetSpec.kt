package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.error.BudgetExceededException
import java.time.Duration

/** A job's local budget refuses the next call once reached; the job then fails, once. */
class JobBudgetSpec :
  FunSpec({
    context("a USD budget stops the scope before the call that would exceed it") {
      withData(nameFn = { it.name.lowercase() }, BOTH_MODES) { mode ->
        fake(mode).use { gateway ->
          // chat-fast costs $0.15/$0.60 per 1M: one question is a few micro-dollars.
          val client = gateway.client { loadAliasPrices(Duration.ofHours(1)) }
          var jobId = ""
          var calls = 0
          val error =
            shouldThrow<BudgetExceededException> {
              client.runJob(JobSpec.of("x").withBudget(JobBudget.maxUsd("0.000001"))) { job ->
                jobId = job.jobId()
                repeat(5) {
                  job.llmCall(question())
                  calls++
                }
              }
            }
          error.isRetryable shouldBe false
          error.message!! shouldContain "job budget reached"
          calls shouldBe 1
          gateway.requestsTo("POST", "/llm-call") shouldBe 1
          val job = gateway.state().job(jobId)
          job.completeCount() shouldBe 1
          job.status() shouldBe "FAILED"
          job.errorMessage()!! shouldContain "job budget reached"
        }
      }
    }

    test("within the budget every call goes through") {
      fake().use { gateway ->
        val client = gateway.client { loadAliasPrices(Duration.ofHours(1)) }
        val result =
          client.runJob(JobSpec.of("x").withBudget(JobBudget.maxUsd("1.00"))) { job ->
            repeat(3) { job.llmCall(question()) }
          }
        result.completion().status() shouldBe JobStatus.COMPLETED
        gateway.requestsTo("POST", "/llm-call") shouldBe 3
      }
    }

    test("a token budget needs no prices, and counts streams that report usage") {
      fake(io.llmgateway.testing.SaasMode.DOCUMENTED).use { gateway ->
        var jobId = ""
        shouldThrow<BudgetExceededException> {
            gateway.client().runJob(JobSpec.of("x").withBudget(JobBudget.maxTokens(10))) { job ->
              jobId = job.jobId()
              job.llmCallStream(question()) {} // documented streams end with a usage chunk
              job.llmCall(question())
            }
          }
          .message!! shouldContain "tokens used"
        gateway.requestsTo("POST", "/llm-call-stream") shouldBe 1
        gateway.requestsTo("POST", "/llm-call") shouldBe 0
        gateway.state().job(jobId).completeCount() shouldBe 1
      }
    }

    test("an unpriced model counts nothing toward a USD budget (only known cost counts)") {
      fake().use { gateway ->
        val result =
          gateway.client().runJob(JobSpec.of("x").withBudget(JobBudget.maxUsd("0.000001"))) { job ->
            repeat(2) { job.llmCall(question()) }
          }
        result.cost().isKnown shouldBe false
        gateway.requestsTo("POST", "/llm-call") shouldBe 2
      }
    }

    test("a budget is never sent to the server") {
      fake().use { gateway ->
        gateway
          .client()
          .createJob(JobSpec.of("x").withBudget(JobBudget.maxUsd("0.01").withMaxTokens(5)))
        gateway.lastRequest().body() shouldBe """{"team_id":"acme","job_type":"x","metadata":{}}"""
      }
    }
  })
