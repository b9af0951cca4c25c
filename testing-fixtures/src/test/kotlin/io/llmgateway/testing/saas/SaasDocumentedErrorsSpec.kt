package io.llmgateway.testing.saas

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.ACME
import io.llmgateway.testing.Http
import io.llmgateway.testing.Reply
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.kotest.FakeGatewayListener

private const val UNKNOWN_JOB = "00000000-0000-4000-8000-00000000ffff"

/**
 * Documented mode keeps the server's texts where the guide gives none: job lookups of PATCH
 * metadata and /costs, model-group resolve, and every "for a different team" refusal.
 */
class SaasDocumentedErrorsSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    fun http(key: String = ACME) = Http(fake.gateway.url(), key)
    fun Reply.shouldBeDetail(status: Int, detail: String) {
      this.status shouldBe status
      body shouldBe """{"detail":"$detail"}"""
    }

    test("PATCH metadata: unknown, non-UUID and another team's job") {
      val patch = """{"metadata":{"a":1}}"""
      http().patch("/api/jobs/$UNKNOWN_JOB/metadata", patch).shouldBeDetail(404, "Job not found")
      http().patch("/api/jobs/nope/metadata", patch).shouldBeDetail(404, "Job not found")
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      http("sk-fake-globex")
        .patch("/api/jobs/$id/metadata", patch)
        .shouldBeDetail(403, "Job does not belong to your team")
      fake.gateway.state().job(id).metadata() shouldBe emptyMap<String, Any>()
    }

    test("/costs: unknown, non-UUID and another team's job") {
      http().get("/api/jobs/$UNKNOWN_JOB/costs").shouldBeDetail(404, "Job not found")
      http().get("/api/jobs/nope/costs").shouldBeDetail(404, "Job not found")
      val id = http().post("/api/jobs/create", createJobBody()).field("job_id")
      http("sk-fake-globex")
        .get("/api/jobs/$id/costs")
        .shouldBeDetail(403, "Job does not belong to your team")
    }

    test("model-group resolve: an unknown group is 404 with the server's text") {
      http()
        .get("/api/model-groups/nope/resolve?team_id=acme")
        .shouldBeDetail(404, "Model group 'nope' not found")
    }

    test("each endpoint refuses another team's id with the server's own text") {
      http()
        .get("/api/credits/teams/globex/balance")
        .shouldBeDetail(403, "Cannot access credit balance for a different team")
      http()
        .get("/api/credits/teams/globex/transactions")
        .shouldBeDetail(403, "Cannot access credit transactions for a different team")
      http()
        .post("/api/credits/teams/globex/check?credits_needed=1", "")
        .shouldBeDetail(403, "Cannot check credits for a different team")
      http()
        .get("/api/teams/globex/usage?period=2026-03")
        .shouldBeDetail(403, "Cannot access usage data for a different team")
      http()
        .get("/api/teams/globex/jobs")
        .shouldBeDetail(403, "Cannot access jobs for a different team")
      http()
        .get("/api/model-groups/legacy-chat/resolve?team_id=globex")
        .shouldBeDetail(403, "Cannot resolve model group for a different team")
    }
  })
