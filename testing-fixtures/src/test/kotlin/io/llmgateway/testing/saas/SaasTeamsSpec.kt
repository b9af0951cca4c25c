package io.llmgateway.testing.saas

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldEndWith
import io.llmgateway.testing.ACME
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Http
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.kotest.FakeGatewayListener

class SaasTeamsSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener { FakeGateway.builder().mode(SaasMode.REAL_SERVER) })
    fun http(key: String? = ACME) = Http(fake.gateway.url(), key)

    test("the credit balance is TeamCredits.to_dict with Z timestamps") {
      http().get("/api/credits/teams/acme/balance").body shouldBe
        """{"team_id":"acme","organization_id":"org-acme","credits_allocated":1000,"credits_used":0,""" +
          """"credits_remaining":1000,"credit_limit":null,"auto_refill":false,"refill_amount":null,""" +
          """"refill_period":null,"last_refill_at":null,"budget_mode":"job_based","credits_per_dollar":10.0,""" +
          """"tokens_per_credit":10000,"cost_markup_percentage":0.0,"status":"active",""" +
          """"created_at":"2026-03-20T12:29:15Z","updated_at":"2026-03-20T12:29:15Z"}"""
    }

    test("each credits endpoint refuses another team's id with its own text") {
      http().get("/api/credits/teams/globex/balance").body shouldBe
        """{"detail":"Cannot access credit balance for a different team"}"""
      http().get("/api/credits/teams/globex/transactions").body shouldBe
        """{"detail":"Cannot access credit transactions for a different team"}"""
      http().post("/api/credits/teams/globex/check?credits_needed=1", "").body shouldBe
        """{"detail":"Cannot check credits for a different team"}"""
      http().get("/api/teams/globex/usage?period=2026-03").body shouldBe
        """{"detail":"Cannot access usage data for a different team"}"""
    }

    test("transactions list deductions newest first") {
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      http().post("/api/jobs/$id/complete", """{"status":"completed"}""")
      http().get("/api/credits/teams/acme/transactions").body shouldBe
        """{"team_id":"acme","total":1,"transactions":[{"transaction_id":"00000000-0003-4000-8000-000000000002",""" +
          """"team_id":"acme","organization_id":"org-acme","job_id":"$id","transaction_type":"deduction",""" +
          """"credits_amount":1,"credits_before":1000,"credits_after":999,""" +
          """"reason":"Job demo completed (job_based mode: 1 credits)","created_at":"2026-03-20T12:29:15Z"}]}"""
    }

    test("check answers 200 either way, with the server's insufficient text") {
      http().post("/api/credits/teams/acme/check?credits_needed=5", "").body shouldBe
        """{"team_id":"acme","has_credits":true,"credits_remaining":1000,"credits_needed":5}"""
      http("sk-fake-broke")
        .post("/api/credits/teams/broke/check?credits_needed=2", "")
        .body shouldBe
        """{"team_id":"broke","has_credits":false,"error":"Insufficient credits. Team has 0 credits remaining, """ +
          """but 2 required. Allocated: 0, Used: 0","credits_needed":2}"""
    }

    test("check without credits_needed is a 422 on the query") {
      http().post("/api/credits/teams/acme/check", "").body shouldBe
        """{"detail":[{"type":"missing","loc":["query","credits_needed"],"msg":"Field required","input":null}]}"""
    }

    test("GET team needs no key and shows the virtual key, with no top-level status") {
      val body = http(null).get("/api/teams/acme").body
      body shouldContain """"virtual_key":"sk-fake-acme""""
      body shouldContain
        """"allowed_model_aliases":["chat-broken","chat-claude","chat-fast","chat-gemini"]"""
      // The status lives only under credits: the body ends with credits_remaining.
      body shouldEndWith """"credits_allocated":1000,"credits_remaining":1000}"""
      http(null).get("/api/teams/nobody").body shouldBe """{"detail":"Team 'nobody' not found"}"""
    }

    test("usage sums finished jobs of a month and needs a period") {
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      http().post("/api/jobs/$id/complete", """{"status":"completed"}""")
      http().get("/api/teams/acme/usage?period=2026-03").body shouldBe
        """{"team_id":"acme","period":"2026-03","summary":{"total_jobs":1,"successful_jobs":1,"failed_jobs":0,""" +
          """"total_cost_usd":0.0,"total_tokens":0,"avg_cost_per_job":0.0},"job_types":{"demo":{"count":1,"cost_usd":0.0}}}"""
      http().get("/api/teams/acme/usage").status shouldBe 422
    }

    test("model-group resolve covers found, not assigned, unknown and another team") {
      http().get("/api/model-groups/legacy-chat/resolve?team_id=acme").body shouldBe
        """{"group_name":"legacy-chat","primary_model":"gpt-4o-mini","fallback_models":["gpt-3.5-turbo"],"team_has_access":true}"""
      http().get("/api/model-groups/legacy-other/resolve?team_id=acme").body shouldBe
        """{"group_name":"legacy-other","primary_model":null,"fallback_models":[],"team_has_access":false,""" +
          """"error":"Team 'acme' does not have access to model group 'legacy-other'"}"""
      http().get("/api/model-groups/nope/resolve?team_id=acme").body shouldBe
        """{"detail":"Model group 'nope' not found"}"""
      http().get("/api/model-groups/legacy-chat/resolve?team_id=globex").body shouldBe
        """{"detail":"Cannot resolve model group for a different team"}"""
    }
  })
