package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.error.InvalidModelException

class MappingSpec :
  FunSpec({
    test("maps the guide's table and passes other ids through verbatim") {
      val mapping = ModelMapping.hiveOpsDefaults()
      mapping.map("gpt-3.5-turbo") shouldBe "llama3:8b-instruct-q8_0"
      mapping.map("gpt-4") shouldBe "llama-3-70b-instruct"
      mapping.map("llama3:8b-instruct-q8_0") shouldBe "llama3:8b-instruct-q8_0"
      mapping.map("GPT-4") shouldBe "GPT-4"
    }

    test("user entries sit on top of the defaults") {
      fakeHive().use { gateway ->
        val client = gateway.hiveClient { mapModel("gpt-4", "gemma-2-9b-it") }
        client.chat(ask("gpt-4")).model() shouldBe "gemma-2-9b-it"
        client.chat(ask("gpt-3.5-turbo")).model() shouldBe "llama3:8b-instruct-q8_0"
      }
    }

    test("streams are mapped too") {
      fakeHive().use { gateway ->
        val result = gateway.hiveClient().stream(ask("gpt-3.5-turbo")) {}
        result.model() shouldBe "llama3:8b-instruct-q8_0"
        gateway.lastRequest().body() shouldContain "llama3:8b-instruct-q8_0"
      }
    }

    test("an unknown model is a typed error listing the valid ids, fetched once and cached") {
      fakeHive().use { gateway ->
        val client = gateway.hiveClient()
        val e = shouldThrow<InvalidModelException> { client.chat(ask("gpt-5-ultra")) }
        e.model() shouldBe "gpt-5-ultra"
        e.validModels() shouldContainExactlyInAnyOrder
          listOf(
            "mistral-7b-instruct-v0.3",
            "llama3:8b-instruct-q8_0",
            "gemma-2-9b-it",
            "llama-3-70b-instruct",
          )
        e.message shouldContain "valid models: "
        shouldThrow<InvalidModelException> { client.chat(ask("claude-3")) }
        gateway.modelRequests() shouldBe 1
        gateway.chatRequests() shouldBe 2 // a 400 is never retried
      }
    }
  })
