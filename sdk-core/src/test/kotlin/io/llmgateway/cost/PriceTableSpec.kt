package io.llmgateway.cost

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.math.BigDecimal

class PriceTableSpec :
  FunSpec({
    val llama = ModelPrice.perMillion("0.01", "0.02")

    test("the guide's llama3 8B example: input and output priced per million tokens") {
      val table = PriceTable.builder().put("llama3:8b-instruct-q8_0", llama).build()
      val cost = table.costOf("llama3:8b-instruct-q8_0", TokenUsage.of(1_000_000, 500_000))
      cost.usd()!!.compareTo(BigDecimal("0.02")) shouldBe 0
      table.costOf("llama3:8b-instruct-q8_0", TokenUsage.of(12, 30)).usd() shouldBe
        BigDecimal("0.00000072")
    }

    test("an unknown model has unknown cost, never zero") {
      val cost = PriceTable.EMPTY.costOf("mystery", TokenUsage.of(10, 10))
      cost.isKnown shouldBe false
      cost.usd() shouldBe null
      (Cost.usd(BigDecimal.ONE) + cost) shouldBe Cost.UNKNOWN
    }

    test("ids are matched verbatim; a provider prefix falls back to the bare id") {
      val table = PriceTable.builder().put("gpt-4o", "2.5", "10").build()
      (table.price("openai/gpt-4o") != null) shouldBe true
      table.price("GPT-4o") shouldBe null
    }

    test("user entries go on top of the built-in table") {
      val base = PriceTable.builder().put("a", "1", "2").put("b", "1", "2").build()
      val merged = base.with(PriceTable.builder().put("a", "5", "6").build())
      merged.price("a") shouldBe ModelPrice.perMillion("5", "6")
      merged.price("b") shouldBe ModelPrice.perMillion("1", "2")
    }

    test("LiteLLM's price-file field names, per token, kept exact") {
      val json =
        """
        {"sample_spec": {"input_cost_per_token": 0.0, "output_cost_per_token": 0.0},
         "gpt-4o-mini": {"input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07, "litellm_provider": "openai", "mode": "chat"},
         "embedding-only": {"input_cost_per_token": 1e-08, "mode": "embedding"},
         "weird": "not an object"}
        """
      val table = PriceTable.fromLiteLlmJson(json)
      table.price("gpt-4o-mini") shouldBe ModelPrice.perMillion("0.15", "0.6")
      table.price("embedding-only") shouldBe null
      table.price("sample_spec") shouldBe null
    }

    test("a broken price file is a clear IllegalArgumentException") {
      shouldThrow<IllegalArgumentException> { PriceTable.fromLiteLlmJson("[1, 2") }
      shouldThrow<IllegalArgumentException> { PriceTable.fromLiteLlmJson("[]") }
      shouldThrow<IllegalArgumentException> { ModelPrice.perMillion("-1", "0") }
    }
  })
