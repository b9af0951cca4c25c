package io.llmgateway.testing.hiveops

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.HIVE
import io.llmgateway.testing.HiveOpsMode
import io.llmgateway.testing.Http
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.kotest.FakeGatewayListener

private const val LLAMA = "llama3:8b-instruct-q8_0"

/** Where HiveOps and OpenAI differ, the OpenAI form is a mode; the HiveOps form is the default. */
class HiveOpsOpenAiModeSpec :
  FunSpec({
    val fake =
      extension(FakeGatewayListener { FakeGateway.builder().hiveOpsMode(HiveOpsMode.OPENAI) })
    fun http(key: String = HIVE) = Http(fake.gateway.hiveOpsBaseUrl(), key)

    test("resets are OpenAI durations until the window reopens") {
      val reply = http().post("/chat/completions", chatBody(LLAMA))
      reply.header("X-RateLimit-Reset-Requests") shouldBe "44.877s"
      reply.header("X-RateLimit-Reset-Tokens") shouldBe "44.877s"
    }

    test("an empty balance is OpenAI's 429 insufficient_quota, without a retry hint") {
      val reply = http("sk-fake-hive-broke").post("/chat/completions", chatBody(LLAMA))
      reply.status shouldBe 429
      reply.body shouldBe
        """{"error":{"message":"You exceeded your current quota, please check your plan and""" +
          """ billing details. For more information on this error, read the docs:""" +
          """ https://platform.openai.com/docs/guides/error-codes/api-errors.",""" +
          """"type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"""
      reply.header("Retry-After") shouldBe null
    }

    test("an unknown model is OpenAI's 404 model_not_found") {
      val reply = http().post("/chat/completions", chatBody("gpt-4"))
      reply.status shouldBe 404
      reply.body shouldBe
        """{"error":{"message":"The model `gpt-4` does not exist or you do not have access to it.",""" +
          """"type":"invalid_request_error","param":null,"code":"model_not_found"}}"""
    }

    test("durations read as Go writes them") {
      RateHeaders.openAiDuration(20) shouldBe "20ms"
      RateHeaders.openAiDuration(1_000) shouldBe "1s"
      RateHeaders.openAiDuration(60_000) shouldBe "1m0s"
      RateHeaders.openAiDuration(360_000) shouldBe "6m0s"
      RateHeaders.openAiDuration(3_661_500) shouldBe "1h1m1.5s"
      HiveOpsMode.parse("OpenAI") shouldBe HiveOpsMode.OPENAI
    }
  })
