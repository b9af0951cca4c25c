package io.llmgateway.error

import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.collections.shouldHaveAtLeastSize
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeInstanceOf

class ErrorClassifierSpec :
  FunSpec({
    test("the table covers at least 40 cases from the guides and specs") {
      ClassificationTable.all shouldHaveAtLeastSize 40
    }

    context("classification table") {
      withData(nameFn = { it.name }, ClassificationTable.all) { case ->
        val error = case.classify()
        error::class shouldBe case.expected
        error.isRetryable shouldBe case.retryable
        error.provider() shouldBe case.provider
        error.status() shouldBe case.status
        error.message!! shouldStartWith "HTTP ${case.status} "
        error.message!! shouldContain "[${case.provider.id()}]"
        case.check(error)
      }
    }

    test("a body of many megabytes keeps a bounded raw body and the status's type") {
      val huge = "x".repeat(5 * 1024 * 1024)
      val error =
        saas(
            "huge",
            503,
            huge,
            ServiceUnavailableException::class,
            true,
            contentType = "text/plain",
          )
          .classify()
      error.shouldBeInstanceOf<ServiceUnavailableException>()
      error.rawBody().length shouldBeLessThanOrEqual ErrorDetails.RAW_BODY_LIMIT
      error.message!!.length shouldBeLessThanOrEqual 700
    }

    test("invalid UTF-8 is replaced, never thrown") {
      val bytes =
        byteArrayOf(0xC3.toByte(), 0x28, 0xFF.toByte(), 'o'.code.toByte(), 'k'.code.toByte())
      val error =
        ErrorClassifier.create()
          .classify(
            Provider.HIVEOPS,
            500,
            io.llmgateway.internal.http.HeaderLookup.NONE,
            bytes,
            "text/plain",
          )
      error.shouldBeInstanceOf<InternalServerException>()
      error.rawBody() shouldContain "ok"
      error.rawBody() shouldContain "\uFFFD"
    }

    test("stream error events: SaaS string and OpenAI object shapes") {
      val classifier = ErrorClassifier.create()
      val saasEvent =
        classifier.classifyStreamEvent(
          Provider.SAAS_LITELLM,
          """{"error": "500: No provider credentials configured for openai. Please add credentials in the admin dashboard."}""",
          "Once upon",
          2,
        )
      saasEvent.serverMessage() shouldStartWith "500: No provider credentials"
      saasEvent.partialText() shouldBe "Once upon"
      saasEvent.chunksReceived() shouldBe 2
      saasEvent.isRetryable shouldBe false

      val openAiEvent =
        classifier.classifyStreamEvent(
          Provider.HIVEOPS,
          """{"error": {"message": "overloaded", "type": "server_error", "code": "overloaded"}}""",
          "",
          0,
        )
      openAiEvent.serverMessage() shouldBe "overloaded"
      openAiEvent.code() shouldBe "overloaded"
      openAiEvent.status() shouldBe 200
    }
  })
