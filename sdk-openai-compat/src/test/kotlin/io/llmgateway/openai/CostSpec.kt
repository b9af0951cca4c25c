package io.llmgateway.openai

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.cost.Cost
import io.llmgateway.cost.TokenUsage
import java.math.BigDecimal

class CostSpec :
  FunSpec({
    test("llama3 8B costs exactly the guide's price") {
      fakeHive().use { gateway ->
        // The fake counts like OpenAI's tokenizer: "hello there" in one user message is 9 prompt
        // tokens with the chat framing; "Fake reply to: hello there" is 6 completion tokens.
        val result = gateway.hiveClient().chat(ask("llama3:8b-instruct-q8_0"))
        result.usage() shouldBe TokenUsage(9, 6, 15)
        // (9 x 0.01 + 6 x 0.02) / 1M
        result.cost().usd()!!.compareTo(BigDecimal("0.00000021")) shouldBe 0
      }
    }

    test("the built-in table holds the published price only") {
      HiveOpsPrices.defaults()
        .costOf("llama3:8b-instruct-q8_0", TokenUsage.of(1_000_000, 1_000_000)) shouldBe
        Cost.usd(BigDecimal("0.03"))
    }

    test("an unpriced model has unknown cost, never zero") {
      fakeHive().use { gateway ->
        val result = gateway.hiveClient().chat(ask("gemma-2-9b-it"))
        result.cost() shouldBe Cost.UNKNOWN
        result.cost().isKnown shouldBe false
      }
    }

    test("prices from a LiteLLM-format file are added on top") {
      fakeHive().use { gateway ->
        val json =
          """{"gemma-2-9b-it": {"input_cost_per_token": 1e-8, "output_cost_per_token": 2e-8}}"""
        val client = gateway.hiveClient {
          prices(io.llmgateway.cost.PriceTable.fromLiteLlmJson(json))
        }
        val result = client.chat(ask("gemma-2-9b-it"))
        result.cost().usd()!!.compareTo(BigDecimal("0.00000021")) shouldBe 0
        client.prices().price("llama3:8b-instruct-q8_0") shouldBe
          io.llmgateway.cost.ModelPrice.perMillion("0.01", "0.02")
      }
    }
  })
