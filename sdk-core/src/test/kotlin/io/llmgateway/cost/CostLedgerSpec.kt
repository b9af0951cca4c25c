package io.llmgateway.cost

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.comparables.shouldBeEqualComparingTo
import io.kotest.matchers.shouldBe
import java.math.BigDecimal

class CostLedgerSpec :
  FunSpec({
    val prices = PriceTable.builder().put("split", "0.15", "0.6").put("flat", "1", "1").build()

    test("a total-only call is unknown until its split is settled, then priced in and out") {
      val ledger = CostLedger(prices)
      ledger.recordCall("c1", "split", 20)
      ledger.totalCost().isKnown shouldBe false
      ledger.knownCostUsd() shouldBeEqualComparingTo BigDecimal.ZERO
      ledger.unsettledCalls() shouldBe setOf("c1")

      ledger.settle("c1", TokenUsage.of(10, 10)) shouldBe true
      ledger.totalCost().usd()!! shouldBeEqualComparingTo BigDecimal("0.0000075")
      ledger.totalUsage() shouldBe TokenUsage.of(10, 10)
      ledger.unsettledCalls() shouldBe emptySet()
      ledger.settle("c1", TokenUsage.of(1, 1)) shouldBe false
    }

    test("known cost is a lower bound while another call stays unknown") {
      val ledger = CostLedger(prices)
      ledger.recordTotal("flat", 1_000_000)
      ledger.recordTotal("unpriced", 5)
      ledger.totalCost().isKnown shouldBe false
      ledger.knownCostUsd() shouldBeEqualComparingTo BigDecimal.ONE
      ledger.byModel().map { it.model() } shouldBe listOf("flat", "unpriced")
      ledger.byModel()[0].cost().usd()!! shouldBeEqualComparingTo BigDecimal.ONE
    }

    test("settling an id the ledger never saw changes nothing") {
      val ledger = CostLedger(prices)
      ledger.record("split", TokenUsage.of(1_000_000, 0))
      ledger.settle("other", TokenUsage.of(5, 5)) shouldBe false
      ledger.totalCost().usd()!! shouldBeEqualComparingTo BigDecimal("0.15")
      ledger.byModel().single().calls() shouldBe 1
    }
  })
