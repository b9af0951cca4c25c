package io.llmgateway.testing.saas

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldEndWith
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.testing.ACME
import io.llmgateway.testing.Http
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.kotest.FakeGatewayListener

/** Every remaining endpoint in documented mode: the guide's casing, timestamps and shapes. */
class SaasDocumentedModeSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    fun http(key: String? = ACME) = Http(fake.gateway.url(), key)
    fun completedJob(): String {
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      http().post("/api/jobs/$id/llm-call", chatBody("chat-fast"))
      http().post("/api/jobs/$id/complete", """{"status":"completed"}""")
      return id
    }

    test("GET job shows lowercase status and millisecond Z timestamps") {
      val id = completedJob()
      val body = http().get("/api/jobs/$id").body
      body shouldContain """"status":"completed","created_at":"2026-03-20T12:29:15.123Z","""
      body shouldContain """"completed_at":"2026-03-20T12:29:15.123Z""""
      body shouldContain """"credit_applied":true"""
    }

    test("complete reports a non-zero cost with markup-free client cost") {
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      http().post("/api/jobs/$id/llm-call", chatBody("chat-fast"))
      http().post("/api/jobs/$id/complete", """{"status":"completed"}""").body shouldContain
        """"total_tokens":15,"total_cost_usd":5e-06,"avg_latency_ms":250,"credit_applied":true,"credits_remaining":999}"""
    }

    test("a job with a failed call is not charged, as the docs' credit rule says") {
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      http().post("/api/jobs/$id/llm-call", chatBody("chat-broken")).status shouldBe 500
      http().post("/api/jobs/$id/complete", """{"status":"completed"}""").body shouldContain
        """"credit_applied":false"""
    }

    test("PATCH metadata persists and stamps updated_at in the docs' format") {
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      http().patch("/api/jobs/$id/metadata", """{"metadata":{"a":1}}""").body shouldBe
        """{"job_id":"$id","metadata":{"a":1},"updated_at":"2026-03-20T12:29:15.123Z"}"""
      http().patch("/api/jobs/$id/metadata", """{"metadata":"nope"}""").body shouldBe
        """{"detail":[{"loc":["body","metadata"],"msg":"value is not a valid dict","type":"type_error.dict"}]}"""
    }

    test("/costs lists calls with the docs' timestamps") {
      val id = completedJob()
      http().get("/api/jobs/$id/costs").body shouldContain
        """"status":"completed","costs":{"total_cost_usd":4.95e-06,"""
    }

    test("credits balance, transactions and check answer in the docs' format") {
      completedJob()
      http().get("/api/credits/teams/acme/balance").body shouldEndWith
        """"status":"active","created_at":"2026-03-20T12:29:15.123Z","updated_at":"2026-03-20T12:29:15.123Z"}"""
      http().get("/api/credits/teams/acme/transactions").body shouldContain
        """"credits_before":1000,"credits_after":999"""
      http().post("/api/credits/teams/acme/check?credits_needed=1000", "").body shouldContain
        """"has_credits":false"""
      http().post("/api/credits/teams/acme/check?credits_needed=x", "").body shouldBe
        """{"detail":[{"loc":["query","credits_needed"],"msg":"value is not a valid integer","type":"type_error.integer"}]}"""
    }

    test("GET team adds the top-level status the guide's example reads") {
      http(null).get("/api/teams/umbrella").body shouldEndWith """"status":"suspended"}"""
    }

    test("usage, list jobs and model-group resolve work with lowercase statuses") {
      completedJob()
      http().get("/api/teams/acme/usage?period=2026").body shouldContain
        """"summary":{"total_jobs":1,"successful_jobs":1,"failed_jobs":0"""
      val listed = http().get("/api/teams/acme/jobs?status=completed").body
      listed shouldContain """"total":1"""
      listed shouldNotContain "COMPLETED"
      http().get("/api/model-groups/legacy-chat/resolve").body shouldBe
        """{"detail":[{"loc":["query","team_id"],"msg":"field required","type":"value_error.missing"}]}"""
    }

    test("llm-call-stream works in documented mode, ending with usage and [DONE]") {
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      val body = http().post("/api/jobs/$id/llm-call-stream", chatBody("chat-gemini")).body
      body shouldContain "\"object\":\"chat.completion.chunk\""
      body shouldContain
        "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":6,\"total_tokens\":15,"
      body shouldEndWith "\"rejected_prediction_tokens\":0}}}\n\ndata: [DONE]\n\n"
      fake.gateway.state().job(id).calls().single().totalTokens() shouldBe 15
    }
  })
