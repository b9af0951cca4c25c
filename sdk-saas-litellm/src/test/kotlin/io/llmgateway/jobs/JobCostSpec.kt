package io.llmgateway.jobs

import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.comparables.shouldBeEqualComparingTo
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.llmgateway.cost.ModelPrice
import io.llmgateway.cost.PriceTable
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.testing.fault.Fault
import java.time.Duration

/**
 * The job ledger in USD: alias prices from GET /api/models, each llm-call's prompt/completion split
 * from GET /costs, priced with the core PriceTable.
 */
class JobCostSpec :
  FunSpec({
    context("GET /api/models and /api/models/{alias}, blocking and as futures") {
      withData(nameFn = { it.name.lowercase() }, BOTH_MODES) { mode ->
        fake(mode).use { gateway ->
          val client = gateway.client()
          val claude = client.model("chat-claude")
          claude.provider() shouldBe "anthropic"
          claude.actualModel() shouldBe "claude-3-5-sonnet-20241022"
          claude.price() shouldBe ModelPrice.perMillion("3", "15")
          claude.createdAt().shouldNotBeNull()
          val all = client.models()
          all.map { it.modelAlias() }.toSet() shouldBe
            client.async().models().get().map { it.modelAlias() }.toSet()
          all.first { it.modelAlias() == "chat-fast" }.price() shouldBe
            ModelPrice.perMillion("0.15", "0.6")
          client.async().model("chat-gemini").get().status() shouldBe "active"
        }
      }
    }

    context(
      "with alias prices loaded, a job's USD is known and equals the server's provider cost"
    ) {
      withData(nameFn = { it.name.lowercase() }, BOTH_MODES) { mode ->
        fake(mode).use { gateway ->
          val client = gateway.client { loadAliasPrices(Duration.ofHours(1)) }
          val result =
            client.runJob(JobSpec.of("priced")) { job ->
              job.llmCall(question("one two three"))
              job.llmCall(question("four five", model = "chat-claude"))
              job.llmCall(question("six"))
            }
          val report = result.costReport().shouldNotBeNull()
          report.breakdown() shouldHaveSize 3
          result.cost().isKnown shouldBe true
          result.cost().usd()!! shouldBeEqualComparingTo report.totalCostUsd()
          result.cost().usd()!!.signum() shouldBe 1
          val byModel = result.costsByModel().associateBy { it.model() }
          byModel.getValue("chat-fast").calls() shouldBe 2
          byModel.getValue("chat-claude").usage().promptTokens() shouldBe
            report.breakdown()[1].promptTokens()
          result.usage().totalTokens() shouldBe result.serverCosts()!!.totalTokens()

          // A second job reuses the cached prices.
          client.runJob(JobSpec.of("again")) { it.llmCall(question()) }.cost().isKnown shouldBe true
          gateway.requestsTo("GET", "/api/models") shouldBe 1
        }
      }
    }

    test("the price cache reloads after its max age, on the client's clock") {
      fake().use { gateway ->
        val client = gateway.client {
          loadAliasPrices(Duration.ofMinutes(5))
          clock(gateway.fakeClock())
        }
        client.priceTable().price("chat-fast") shouldBe ModelPrice.perMillion("0.15", "0.6")
        client.priceTable()
        gateway.requestsTo("GET", "/api/models") shouldBe 1
        gateway.fakeClock().advance(Duration.ofMinutes(5))
        client.priceTable()
        gateway.requestsTo("GET", "/api/models") shouldBe 2
      }
    }

    test("the builder's own prices win over the server's, and a failed load falls back to them") {
      fake().use { gateway ->
        gateway.faults().on("GET", "/api/models").thenAlways(Fault.status(404))
        val mine = PriceTable.builder().put("chat-fast", ModelPrice.perMillion("1", "1")).build()
        val client = gateway.client {
          loadAliasPrices(Duration.ofHours(1))
          priceTable(mine)
        }
        client.priceTable().price("chat-fast") shouldBe ModelPrice.perMillion("1", "1")
        client.priceTable().price("chat-claude") shouldBe null
        val result = client.runJob(JobSpec.of("x")) { it.llmCall(question()) }
        result.cost().isKnown shouldBe true // chat-fast is priced by the builder's table
      }
    }

    test("a completion confirmed by reading the job still gets its costs and known USD") {
      fake().use { gateway ->
        gateway
          .faults()
          .on("POST", "/api/jobs/*/complete")
          .next(Fault.delayHeaders(Duration.ofSeconds(2)))
          .thenPass()
        val client = gateway.client {
          loadAliasPrices(Duration.ofHours(1))
          timeouts(
            Timeouts.custom().timeout(Endpoint.JOBS_COMPLETE, Duration.ofMillis(300)).build()
          )
        }
        val result = client.runJob(JobSpec.of("x")) { it.llmCall(question()) }
        result.completion().confirmedByRead() shouldBe true
        result.serverCosts() shouldBe null
        val report = result.costReport().shouldNotBeNull()
        result.cost().usd()!! shouldBeEqualComparingTo report.totalCostUsd()
      }
    }

    test("a model without a price stays unknown, never zero") {
      fake().use { gateway ->
        val result = gateway.client().runJob(JobSpec.of("x")) { it.llmCall(question()) }
        result.cost().isKnown shouldBe false
        result.costReport().shouldNotBeNull().totalCostUsd().signum() shouldBe 1
        result.costsByModel().single().usage().promptTokens() shouldBe
          result.costReport()!!.breakdown().single().promptTokens()
      }
    }
  })
