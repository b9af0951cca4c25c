package io.llmgateway.testing.saas

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldEndWith
import io.kotest.matchers.string.shouldNotContain
import io.kotest.matchers.string.shouldStartWith
import io.llmgateway.testing.ACME
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Http
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.kotest.FakeGatewayListener

/** The payloads of `data:` lines, in order. */
private fun dataLines(body: String): List<String> =
  body.split("\n\n").filter { it.startsWith("data: ") }.map { it.removePrefix("data: ") }

class SaasStreamsSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener { FakeGateway.builder().mode(SaasMode.REAL_SERVER) })
    fun http() = Http(fake.gateway.url(), ACME)
    fun single(model: String) =
      """{"team_id":"acme","job_type":"s","model":"$model","messages":[{"role":"user","content":"hi"}]}"""

    test(
      "create-and-call-stream starts with : keepalive, streams OpenAI chunks, ends with [DONE]"
    ) {
      val reply = http().post("/api/jobs/create-and-call-stream", single("chat-fast"))
      reply.header("Content-Type") shouldBe "text/event-stream; charset=utf-8"
      reply.header("X-Accel-Buffering") shouldBe "no"
      reply.body shouldStartWith ": keepalive\n\ndata: {\"id\":\"chatcmpl-fake-"
      reply.body shouldEndWith "data: [DONE]\n\n"
      val chunks = dataLines(reply.body)
      chunks.size shouldBe 8 // role, 5 tokens ("Fake", " reply", " to", ":", " hi"), finish, [DONE]
      chunks[1] shouldContain """"delta":{"content":"Fake"}"""
      chunks[6] shouldContain """"finish_reason":"stop""""
      chunks.none { it.contains("\"usage\"") } shouldBe true
    }

    test("create-and-call-stream completes and charges the job before the body ends") {
      http().post("/api/jobs/create-and-call-stream", single("chat-fast"))
      val job = fake.gateway.state().jobs().single()
      job.status() shouldBe "COMPLETED"
      job.creditApplied() shouldBe true
      job.calls().single().totalTokens() shouldBe 0 // OpenAI sends no usage: the server records 0
      fake.gateway.state().team("acme").creditsRemaining() shouldBe 999
    }

    test("an Anthropic alias streams native events and no [DONE]") {
      val body = http().post("/api/jobs/create-and-call-stream", single("chat-claude")).body
      val types = dataLines(body).map { Regex("\"type\": ?\"(\\w+)\"").find(it)!!.groupValues[1] }
      types shouldContainExactly
        listOf(
          "message_start",
          "content_block_start",
          "ping",
          "content_block_delta", // one per token: "Fake", " reply", " to", ":", " hi"
          "content_block_delta",
          "content_block_delta",
          "content_block_delta",
          "content_block_delta",
          "content_block_stop",
          "message_delta",
          "message_stop",
        )
      body shouldNotContain "[DONE]"
    }

    test("a Gemini alias streams native candidates and no [DONE]") {
      val body = http().post("/api/jobs/create-and-call-stream", single("chat-gemini")).body
      val chunks = dataLines(body)
      chunks.first() shouldStartWith
        """{"candidates":[{"content":{"parts":[{"text":"Fake"}],"role":"model"}"""
      chunks.last() shouldContain "\"finishReason\":\"STOP\""
      body shouldNotContain "[DONE]"
    }

    test("a provider error mid-stream is one string error event, no [DONE], and a FAILED job") {
      val body = http().post("/api/jobs/create-and-call-stream", single("chat-broken")).body
      body shouldBe
        ": keepalive\n\n" +
          "data: {\"error\": \"500: No provider credentials configured for openai. Please add credentials in the admin dashboard.\"}\n\n"
      fake.gateway.state().jobs().single().status() shouldBe "FAILED"
    }

    test("pre-stream problems are plain JSON errors") {
      val reply = http().post("/api/jobs/create-and-call-stream", single("chat-premium"))
      reply.status shouldBe 403
      reply.header("Content-Type") shouldBe "application/json"
    }

    test("llm-call-stream passes chunks through without keepalive and leaves the job open") {
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      val body = http().post("/api/jobs/$id/llm-call-stream", chatBody("chat-fast")).body
      body shouldStartWith "data: {"
      body shouldEndWith "data: [DONE]\n\n"
      val job = fake.gateway.state().job(id)
      job.status() shouldBe "IN_PROGRESS"
      job.creditApplied() shouldBe false
      job.calls().single().streamed() shouldBe true
    }

    test("llm-call-stream with a failing provider is one string error event, no [DONE]") {
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      val reply = http().post("/api/jobs/$id/llm-call-stream", chatBody("chat-broken"))
      reply.status shouldBe 200
      reply.body shouldBe
        "data: {\"error\": \"500: No provider credentials configured for openai. Please add credentials in the admin dashboard.\"}\n\n"
      val job = fake.gateway.state().job(id)
      job.status() shouldBe "IN_PROGRESS" // not auto-completed, unlike create-and-call-stream
      job.calls().single().error() shouldContain "No provider credentials"
    }

    test("the HEAD bug option answers llm-call-stream with the single TypeError event") {
      FakeGateway.builder().mode(SaasMode.REAL_SERVER).llmCallStreamHeadBug(true).start().use { gw
        ->
        val http = Http(gw.url(), ACME)
        val id = http.post("/api/jobs/create", createJobBody()).field("job_id")
        val reply = http.post("/api/jobs/$id/llm-call-stream", chatBody("chat-fast"))
        reply.status shouldBe 200
        reply.body shouldBe
          "data: {\"error\": \"'Response' object does not support the asynchronous context manager protocol\"}\n\n"
        gw.state().job(id).calls().single().error() shouldContain "asynchronous context manager"
      }
    }

    context("documented mode") {
      val docs = extension(FakeGatewayListener())

      test("streams are OpenAI chunks for every provider, with a usage chunk and [DONE]") {
        val body =
          Http(docs.gateway.url(), ACME)
            .post("/api/jobs/create-and-call-stream", single("chat-claude"))
            .body
        body shouldStartWith "data: {\"id\":\"chatcmpl-fake-"
        val chunks = dataLines(body)
        chunks[chunks.size - 2] shouldContain
          """"usage":{"prompt_tokens":8,"completion_tokens":5,"total_tokens":13,"""
        chunks.last() shouldBe "[DONE]"
      }

      test("a stream error is an error object followed by [DONE]") {
        val body =
          Http(docs.gateway.url(), ACME)
            .post("/api/jobs/create-and-call-stream", single("chat-broken"))
            .body
        body shouldBe
          "data: {\"error\":{\"message\":\"500: No provider credentials configured for openai. Please add credentials in the admin dashboard.\",\"type\":\"server_error\",\"code\":\"provider_error\"}}\n\n" +
            "data: [DONE]\n\n"
      }
    }
  })
