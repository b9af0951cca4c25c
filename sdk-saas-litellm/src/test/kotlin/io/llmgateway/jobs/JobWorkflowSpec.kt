package io.llmgateway.jobs

import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldNotBeEmpty
import io.llmgateway.cost.ModelPrice
import io.llmgateway.cost.PriceTable
import io.llmgateway.cost.TokenUsage
import io.llmgateway.testing.SaasMode

/** The guide's workflow (create, three calls, complete, costs and credits) in both modes. */
class JobWorkflowSpec :
  FunSpec({
    withData(
      nameFn = { "workflow in ${it.name.lowercase()} mode" },
      SaasMode.REAL_SERVER,
      SaasMode.DOCUMENTED,
    ) { mode ->
      fake(mode).use { gateway ->
        val client = gateway.client()
        val creditsBefore = gateway.state().team("acme").creditsRemaining()

        val result =
          client.runJob(JobSpec.of("document-analysis").withMetadata(mapOf("doc" to "42"))) { job ->
            listOf("parse", "summarize", "classify").map { step ->
              job.llmCall(question("Step $step of the document")).content()!!
            }
          }

        result.value() shouldHaveSize 3
        result.value().forEach { it.shouldNotBeEmpty() }
        val completion = result.completion()
        completion.status() shouldBe JobStatus.COMPLETED
        completion.calls() shouldHaveSize 3
        val costs = completion.costs()!!
        costs.totalCalls() shouldBe 3
        costs.successfulCalls() shouldBe 3
        costs.creditApplied() shouldBe true
        costs.creditsRemaining() shouldBe creditsBefore - 1
        result.usage().totalTokens() shouldBe costs.totalTokens()

        val job = gateway.state().job(result.jobId())
        job.completeCount() shouldBe 1
        job.chargeCount() shouldBe 1
        gateway.state().team("acme").creditsRemaining() shouldBe creditsBefore - 1
        client.creditBalance().creditsRemaining() shouldBe creditsBefore - 1
        client.getJob(result.jobId()).status() shouldBe JobStatus.COMPLETED
        client.jobCosts(result.jobId()).breakdown() shouldHaveSize 3
      }
    }

    test("the ledger prices each call from its /costs split at input and output rates") {
      fake().use { gateway ->
        val split =
          PriceTable.builder().put("chat-fast", ModelPrice.perMillion("0.15", "0.6")).build()
        val result =
          gateway.client { priceTable(split) }.runJob(JobSpec.of("t")) { it.llmCall(question()) }
        val call = result.costReport()!!.breakdown().single()
        val expected =
          ModelPrice.perMillion("0.15", "0.6")
            .costOf(TokenUsage.of(call.promptTokens(), call.completionTokens()))
        result.cost().usd()!!.compareTo(expected) shouldBe 0
        result.usage().promptTokens() shouldBe call.promptTokens()
      }
    }

    test("create-and-call completes its own job and charges once") {
      fake().use { gateway ->
        val result = gateway.client().createAndCall(JobSpec.of("one-shot"), question())
        result.status() shouldBe JobStatus.COMPLETED
        result.content()!!.shouldNotBeEmpty()
        result.tokensUsed() shouldBeGreaterThan 0
        gateway.state().job(result.jobId()).chargeCount() shouldBe 1
      }
    }

    test("metadata, team, usage, transactions, credit check and health") {
      fake().use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("meta"))
        job.status() shouldBe JobStatus.PENDING
        client.updateMetadata(job.jobId(), mapOf("step" to "one")).metadata()!!["step"] shouldBe
          "one"
        client.team().teamId() shouldBe "acme"
        client.team().toString().contains("sk-fake") shouldBe false
        client.checkCredits(5).hasCredits() shouldBe true
        client.teamJobs(10, 0, JobStatus.PENDING).jobs().map { it.jobId() } shouldBe
          listOf(job.jobId())
        client.completeJob(job.jobId(), JobOutcome.completed())
        client.creditTransactions(10).transactions() shouldHaveSize 1
        client.teamUsage("2026-03").teamId() shouldBe "acme"
        client.health().status() shouldBe "healthy"
        client.resolveModelGroup("legacy-chat").primaryModel() shouldNotBe null
      }
    }
  })
