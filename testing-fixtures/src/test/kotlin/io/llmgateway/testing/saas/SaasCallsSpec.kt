package io.llmgateway.testing.saas

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.testing.ACME
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Http
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.kotest.FakeGatewayListener
import java.math.BigDecimal

class SaasCallsSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener { FakeGateway.builder().mode(SaasMode.REAL_SERVER) })
    fun http(key: String = ACME) = Http(fake.gateway.url(), key)
    fun newJob(key: String = ACME, team: String = "acme"): String =
      http(key).post("/api/jobs/create", createJobBody(team)).field("job_id")
    fun singleCall(model: String, team: String = "acme", text: String = "hello there") =
      """{"team_id":"$team","job_type":"one","model":"$model","messages":[{"role":"user","content":"$text"}]}"""

    test("llm-call answers a deterministic completion and moves the job to IN_PROGRESS") {
      val id = newJob()
      val reply = http().post("/api/jobs/$id/llm-call", chatBody("chat-fast"))
      reply.body shouldBe
        """{"call_id":"00000000-0002-4000-8000-000000000002","response":{"content":"Fake reply to: hello there",""" +
          """"finish_reason":"stop"},"metadata":{"tokens_used":15,"latency_ms":250,"model":"chat-fast"}}"""
      val job = fake.gateway.state().job(id)
      job.status() shouldBe "IN_PROGRESS"
      job.modelGroupsUsed() shouldBe listOf("chat-fast")
      // 9 prompt tokens (3 + 3 + 1 for the user message, 2 of text) at $0.15/1M, 6 completion
      // tokens ("Fake", " reply", " to", ":", " hello", " there") at $0.60/1M
      job.calls().single().promptTokens() shouldBe 9
      job.calls().single().costUsd() shouldBe BigDecimal("0.00000495")
    }

    test("max_tokens truncates the reply with the provider's finish reason") {
      val id = newJob()
      http()
        .post("/api/jobs/$id/llm-call", chatBody("chat-fast", extra = ""","max_tokens":2"""))
        .body shouldContain """"content":"Fake reply","finish_reason":"length""""
      http()
        .post("/api/jobs/$id/llm-call", chatBody("chat-claude", extra = ""","max_tokens":2"""))
        .body shouldContain """"finish_reason":"max_tokens""""
    }

    test("an alias without access is a 403, and the job still leaves PENDING") {
      val id = newJob()
      val reply = http().post("/api/jobs/$id/llm-call", chatBody("chat-premium"))
      reply.status shouldBe 403
      reply.body shouldBe
        """{"detail":"Team 'acme' does not have access to model alias 'chat-premium'"}"""
      fake.gateway.state().job(id).status() shouldBe "IN_PROGRESS"
    }

    test("an unknown name or an inactive alias falls through to the model-group text") {
      val id = newJob()
      http().post("/api/jobs/$id/llm-call", chatBody("gpt-4")).body shouldBe
        """{"detail":"Team 'acme' does not have access to model group 'gpt-4'"}"""
      http().post("/api/jobs/$id/llm-call", chatBody("chat-retired")).body shouldBe
        """{"detail":"Team 'acme' does not have access to model group 'chat-retired'"}"""
    }

    test("a legacy model group the team is assigned to still resolves") {
      val id = newJob()
      http().post("/api/jobs/$id/llm-call", chatBody("legacy-chat")).status shouldBe 200
      fake.gateway.state().job(id).calls().single().model() shouldBe "legacy-chat"
    }

    test("a provider failure is a 500 with the server's nested text and a failed call row") {
      val id = newJob()
      val reply = http().post("/api/jobs/$id/llm-call", chatBody("chat-broken"))
      reply.status shouldBe 500
      reply.body shouldBe
        """{"detail":"LLM call failed: 500: No provider credentials configured for openai. Please add credentials in the admin dashboard."}"""
      fake.gateway.state().job(id).calls().single().error() shouldContain "No provider credentials"
    }

    test("a stop that is a bare string is a 422 list_type") {
      val id = newJob()
      http()
        .post("/api/jobs/$id/llm-call", chatBody("chat-fast", extra = ""","stop":"END""""))
        .body shouldBe
        """{"detail":[{"type":"list_type","loc":["body","stop"],"msg":"Input should be a valid list","input":"END"}]}"""
    }

    test("the docs' model_group field is ignored, so model is missing") {
      val id = newJob()
      val reply =
        http().post("/api/jobs/$id/llm-call", """{"model_group":"chat-fast","messages":[]}""")
      reply.status shouldBe 422
      reply.body shouldContain """"type":"missing","loc":["body","model"]"""
    }

    test("call_metadata is merged into the job after a successful call") {
      val id = newJob()
      http()
        .post(
          "/api/jobs/$id/llm-call",
          chatBody("chat-fast", extra = ""","call_metadata":{"step":1}"""),
        )
      fake.gateway.state().job(id).metadata() shouldBe mapOf("step" to 1L)
    }

    test("calls are accepted on a completed job, whose status does not change") {
      val id = newJob()
      http().post("/api/jobs/$id/complete", """{"status":"completed"}""")
      http().post("/api/jobs/$id/llm-call", chatBody("chat-fast")).status shouldBe 200
      fake.gateway.state().job(id).status() shouldBe "COMPLETED"
    }

    test("a team with no credits can still call: the server has no pre-check") {
      val id = newJob("sk-fake-broke", "broke")
      http("sk-fake-broke").post("/api/jobs/$id/llm-call", chatBody("chat-fast")).status shouldBe
        200
      val done = http("sk-fake-broke").post("/api/jobs/$id/complete", """{"status":"completed"}""")
      done.status shouldBe 200
      done.body shouldContain """"credit_applied":false,"credits_remaining":0"""
    }

    test("create-and-call completes and charges, with total_cost_usd always 0.0") {
      val reply = http().post("/api/jobs/create-and-call", singleCall("chat-fast"))
      reply.body shouldBe
        """{"job_id":"00000000-0001-4000-8000-000000000001","status":"COMPLETED","response":{"content":"Fake reply to: hello there",""" +
          """"finish_reason":"stop"},"metadata":{"tokens_used":15,"latency_ms":250,"model":"chat-fast"},""" +
          """"costs":{"total_calls":1,"successful_calls":1,"failed_calls":0,"total_tokens":15,"total_cost_usd":0.0,""" +
          """"avg_latency_ms":250,"credit_applied":true,"credits_remaining":999},"completed_at":"2026-03-20T12:29:15.123456"}"""
      val job = fake.gateway.state().jobs().single()
      job.calls().single().clientCostUsd() shouldBe null
      job.completeCount() shouldBe 1
    }

    test("create-and-call with a model the team cannot use leaves a FAILED job") {
      val reply = http().post("/api/jobs/create-and-call", singleCall("chat-premium"))
      reply.status shouldBe 403
      val job = fake.gateway.state().jobs().single()
      job.status() shouldBe "FAILED"
      job.errorMessage() shouldBe "Team 'acme' does not have access to model alias 'chat-premium'"
    }

    test("create-and-call with a failing provider is a 500 and a FAILED job") {
      http().post("/api/jobs/create-and-call", singleCall("chat-broken")).status shouldBe 500
      fake.gateway.state().jobs().single().status() shouldBe "FAILED"
    }

    test("consumption_usd charges int(total_cost_usd * credits_per_dollar), at least 1") {
      val words = (1..98).joinToString(" ") { "w" }
      val id = newJob("sk-fake-globex", "globex")
      http("sk-fake-globex").post("/api/jobs/$id/llm-call", chatBody("chat-fast", words))
      val done = http("sk-fake-globex").post("/api/jobs/$id/complete", """{"status":"completed"}""")
      // 105 prompt tokens at $1000/1M and 102 completion tokens at $2000/1M: $0.309, 3 credits
      done.body shouldContain """"total_tokens":207,"total_cost_usd":0.309,"""
      fake.gateway.state().team("globex").creditsUsed() shouldBe 3
    }

    test("consumption_tokens charges total_tokens // tokens_per_credit") {
      val words = (1..98).joinToString(" ") { "w" }
      val id = newJob("sk-fake-initech", "initech")
      http("sk-fake-initech").post("/api/jobs/$id/llm-call", chatBody("chat-fast", words))
      http("sk-fake-initech").post("/api/jobs/$id/complete", """{"status":"completed"}""")
      fake.gateway.state().team("initech").creditsUsed() shouldBe 20 // 207 tokens // 10
      fake.gateway.state().transactions().single().reason() shouldBe
        "Job demo completed (consumption_tokens mode: 20 credits)"
    }

    context("documented mode") {
      val docs = extension(FakeGatewayListener())

      test("a team without credits gets the guide's 403 body before the call") {
        val http = Http(docs.gateway.url(), "sk-fake-broke")
        val id = http.post("/api/jobs/create", createJobBody("broke")).field("job_id")
        val reply = http.post("/api/jobs/$id/llm-call", chatBody("chat-fast"))
        reply.status shouldBe 403
        reply.body shouldBe """{"detail":"Team suspended or insufficient credits"}"""
        http.post("/api/jobs/$id/llm-call-stream", chatBody("chat-fast")).body shouldBe
          """{"detail":"Team suspended or insufficient credits"}"""
        http.post("/api/jobs/create-and-call", singleCall("chat-fast", "broke")).body shouldBe
          """{"detail":"Team suspended or insufficient credits"}"""
        docs.gateway.state().job(id).calls().size shouldBe 0
      }

      test("responses carry metadata.model_group and a non-zero single-call cost") {
        val http = Http(docs.gateway.url(), ACME)
        val id = http.post("/api/jobs/create", createJobBody()).field("job_id")
        http.post("/api/jobs/$id/llm-call", chatBody("chat-fast")).body shouldContain
          """"metadata":{"tokens_used":15,"latency_ms":250,"model_group":"chat-fast"}"""
        http.post("/api/jobs/create-and-call", singleCall("chat-fast")).body shouldContain
          """"status":"completed""""
      }
    }
  })
