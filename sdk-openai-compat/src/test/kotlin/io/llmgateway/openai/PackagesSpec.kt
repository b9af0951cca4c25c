package io.llmgateway.openai

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.jspecify.annotations.NullMarked

class PackagesSpec :
  FunSpec({
    test("every package is @NullMarked") {
      for (pkg in listOf("io.llmgateway.openai", "io.llmgateway.openai.internal")) {
        val info = Class.forName("$pkg.package-info")
        info.isAnnotationPresent(NullMarked::class.java) shouldBe true
      }
    }
  })
