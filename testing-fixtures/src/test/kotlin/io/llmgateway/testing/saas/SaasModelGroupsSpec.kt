package io.llmgateway.testing.saas

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Http
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.seed.Seed

/** A team assigned to an inactive group and to a group without models (spec section 4). */
private val GROUPS_SEED =
  """
  {"teams":[{"id":"acme","virtualKey":"sk-fake-acme","aliases":[{"alias":"chat-fast"}]}],
   "modelGroups":[
     {"name":"legacy-off","models":["gpt-4o-mini"],"active":false,"teams":["acme"]},
     {"name":"legacy-empty","models":[],"teams":["acme"]}]}
  """

/** The resolution texts are the server's in both modes, so each test runs in both. */
class SaasModelGroupsSpec :
  FunSpec({
    for (mode in SaasMode.entries) {
      fun gateway() =
        FakeGateway.builder()
          .mode(mode)
          .seed(Seed.fromJson(GROUPS_SEED, FakeClock.DEFAULT_START))
          .start()

      context("$mode") {
        test("a call to an inactive group is 403 Model group not found or inactive") {
          gateway().use { gw ->
            val http = Http(gw.url(), "sk-fake-acme")
            val id = http.post("/api/jobs/create", createJobBody()).field("job_id")
            val reply = http.post("/api/jobs/$id/llm-call", chatBody("legacy-off"))
            reply.status shouldBe 403
            reply.body shouldBe """{"detail":"Model group 'legacy-off' not found or inactive"}"""
            gw.state().job(id).calls().size shouldBe 0
          }
        }

        test("a call to a group without models is 403 No active models configured") {
          gateway().use { gw ->
            val http = Http(gw.url(), "sk-fake-acme")
            val id = http.post("/api/jobs/create", createJobBody()).field("job_id")
            val reply = http.post("/api/jobs/$id/llm-call-stream", chatBody("legacy-empty"))
            reply.status shouldBe 403
            reply.body shouldBe
              """{"detail":"No active models configured for group 'legacy-empty'"}"""
          }
        }

        test("create-and-call to an inactive group fails the job with the 403 text") {
          gateway().use { gw ->
            val reply =
              Http(gw.url(), "sk-fake-acme")
                .post(
                  "/api/jobs/create-and-call",
                  """{"team_id":"acme","job_type":"x","model":"legacy-off","messages":[]}""",
                )
            reply.status shouldBe 403
            val job = gw.state().jobs().single()
            job.status() shouldBe "FAILED"
            job.errorMessage() shouldBe "Model group 'legacy-off' not found or inactive"
          }
        }

        test("resolve answers the same 403 texts for both broken groups") {
          gateway().use { gw ->
            val http = Http(gw.url(), "sk-fake-acme")
            val off = http.get("/api/model-groups/legacy-off/resolve?team_id=acme")
            off.status shouldBe 403
            off.body shouldBe """{"detail":"Model group 'legacy-off' not found or inactive"}"""
            http.get("/api/model-groups/legacy-empty/resolve?team_id=acme").body shouldBe
              """{"detail":"No active models configured for group 'legacy-empty'"}"""
          }
        }
      }
    }
  })
