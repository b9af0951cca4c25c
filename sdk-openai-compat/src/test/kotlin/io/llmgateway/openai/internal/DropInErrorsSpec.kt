package io.llmgateway.openai.internal

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.error.ErrorDetails
import io.llmgateway.error.Provider
import io.llmgateway.error.ServiceUnavailableException

/** The drop-in errors kept for `HiveOpsClient.translate(e)` stay bounded: the newest 64. */
class DropInErrorsSpec :
  FunSpec({
    test("kept errors stay under 64, the oldest dropped first") {
      val kept = DropInErrors()
      val ids =
        (1..100).map {
          kept.keep(ServiceUnavailableException("503 #$it", ErrorDetails.of(Provider.HIVEOPS)))
        }
      kept.size() shouldBe 64
    }
  })
