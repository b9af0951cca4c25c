package io.llmgateway.testing.saas

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import io.llmgateway.testing.ACME
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Http
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.kotest.FakeGatewayListener

private const val JOB1 = "00000000-0001-4000-8000-000000000001"

class SaasJobsSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener { FakeGateway.builder().mode(SaasMode.REAL_SERVER) })
    fun http(key: String? = ACME) = Http(fake.gateway.url(), key)
    fun newJob(): String = http().post("/api/jobs/create", createJobBody()).field("job_id")

    test("create answers PENDING with a naive microsecond timestamp, keys in the server's order") {
      val reply = http().post("/api/jobs/create", createJobBody())
      reply.status shouldBe 200
      reply.header("Content-Type") shouldBe "application/json"
      reply.body shouldBe
        """{"job_id":"$JOB1","status":"PENDING","created_at":"2026-03-20T12:29:15.123456"}"""
    }

    test("create for another team is a 403 naming that team") {
      val reply = http().post("/api/jobs/create", createJobBody("globex"))
      reply.status shouldBe 403
      reply.body shouldBe """{"detail":"API key does not belong to team 'globex'"}"""
    }

    test("GET job is Job.to_dict with UPPERCASE status and Z timestamps") {
      val id = newJob()
      http().get("/api/jobs/$id").body shouldBe
        """{"job_id":"$id","team_id":"acme","user_id":null,"job_type":"demo","status":"PENDING",""" +
          """"created_at":"2026-03-20T12:29:15Z","started_at":null,"completed_at":null,"metadata":{},""" +
          """"error_message":null,"organization_id":null,"external_task_id":null,"credit_applied":false,""" +
          """"model_groups_used":[]}"""
    }

    test("a job id that is not a UUID is a plain-text 500") {
      val reply = http().get("/api/jobs/not-a-uuid")
      reply.status shouldBe 500
      reply.header("Content-Type") shouldStartWith "text/plain"
      reply.body shouldBe "Internal Server Error"
    }

    test("a UUID in another spelling finds the same job, as uuid.UUID() does") {
      val id = newJob()
      http().get("/api/jobs/${id.uppercase().replace("-", "")}").field("job_id") shouldBe id
    }

    test("an unknown job is 404 and another team's job is 403") {
      http().get("/api/jobs/00000000-0000-4000-8000-00000000ffff").body shouldBe
        """{"detail":"Job not found"}"""
      val id = newJob()
      http("sk-fake-globex").get("/api/jobs/$id").body shouldBe
        """{"detail":"Job does not belong to your team"}"""
    }

    test("PATCH metadata merges shallowly and answers with a naive timestamp") {
      val id =
        http()
          .post(
            "/api/jobs/create",
            """{"team_id":"acme","job_type":"x","metadata":{"a":1,"b":{"c":2}}}""",
          )
          .field("job_id")
      http().patch("/api/jobs/$id/metadata", """{"metadata":{"b":3,"d":true}}""").body shouldBe
        """{"job_id":"$id","metadata":{"a":1,"b":3,"d":true},"updated_at":"2026-03-20T12:29:15.123456"}"""
      fake.gateway.state().job(id).metadata() shouldBe mapOf("a" to 1L, "b" to 3L, "d" to true)
    }

    test("complete three times charges on the 1st and 3rd: the credit_applied toggle") {
      val id = newJob()
      val applied =
        (1..3).map {
          val reply = http().post("/api/jobs/$id/complete", """{"status":"completed"}""")
          reply.body shouldContain "\"status\":\"COMPLETED\""
          Regex("\"credit_applied\":(\\w+),\"credits_remaining\":(\\d+)")
            .find(reply.body)!!
            .destructured
            .toList()
        }
      applied shouldBe listOf(listOf("true", "999"), listOf("false", "999"), listOf("true", "998"))
      val job = fake.gateway.state().job(id)
      job.completeCount() shouldBe 3
      job.chargeCount() shouldBe 2
      fake.gateway.state().team("acme").creditsRemaining() shouldBe 998
    }

    test("complete answers the server's exact shape, failed calls included") {
      val id = newJob()
      http().post("/api/jobs/$id/llm-call", chatBody("chat-fast", extra = ""","purpose":"parse""""))
      http().post("/api/jobs/$id/llm-call", chatBody("chat-broken"))
      val body = http().post("/api/jobs/$id/complete", """{"status":"completed"}""").body
      body shouldBe
        """{"job_id":"$id","status":"COMPLETED","completed_at":"2026-03-20T12:29:15.123456",""" +
          """"costs":{"total_calls":2,"successful_calls":1,"failed_calls":1,"total_tokens":15,""" +
          """"total_cost_usd":5e-06,"avg_latency_ms":250,"credit_applied":true,"credits_remaining":999},""" +
          """"calls":[{"call_id":"00000000-0002-4000-8000-000000000002","purpose":"parse","model_group":"chat-fast","tokens":15,"latency_ms":250,"error":null},""" +
          """{"call_id":"00000000-0002-4000-8000-000000000003","purpose":null,"model_group":"chat-broken","tokens":0,"latency_ms":null,""" +
          """"error":"500: No provider credentials configured for openai. Please add credentials in the admin dashboard."}]}"""
    }

    test("complete failed never charges and resets credit_applied") {
      val id = newJob()
      http().post("/api/jobs/$id/complete", """{"status":"completed"}""")
      val reply =
        http().post("/api/jobs/$id/complete", """{"status":"failed","error_message":"boom"}""")
      reply.body shouldContain "\"status\":\"FAILED\""
      reply.body shouldContain "\"credit_applied\":false"
      fake.gateway.state().job(id).errorMessage() shouldBe "boom"
    }

    test("a complete status that is not lowercase is a pydantic v2 literal_error") {
      val id = newJob()
      http().post("/api/jobs/$id/complete", """{"status":"COMPLETED"}""").body shouldBe
        """{"detail":[{"type":"literal_error","loc":["body","status"],"msg":"Input should be 'completed' or 'failed'",""" +
          """"input":"COMPLETED","ctx":{"expected":"'completed' or 'failed'"}}]}"""
    }

    test("complete with metadata on a job created with null metadata is a plain 500") {
      val id =
        http()
          .post("/api/jobs/create", """{"team_id":"acme","job_type":"x","metadata":null}""")
          .field("job_id")
      http()
        .post("/api/jobs/$id/complete", """{"status":"completed","metadata":{"k":1}}""")
        .status shouldBe 500
    }

    test("a job_type longer than its column is a plain 500") {
      http().post("/api/jobs/create", createJobBody(type = "x".repeat(101))).status shouldBe 500
    }

    test("/costs sums the legacy provider cost per call") {
      val id = newJob()
      http().post("/api/jobs/$id/llm-call", chatBody("chat-fast"))
      http().get("/api/jobs/$id/costs").body shouldBe
        """{"job_id":"$id","team_id":"acme","job_type":"demo","status":"IN_PROGRESS","costs":{"total_cost_usd":4.95e-06,""" +
          """"breakdown":[{"call_id":"00000000-0002-4000-8000-000000000002","model":"gpt-4o-mini","purpose":null,""" +
          """"prompt_tokens":9,"completion_tokens":6,"cost_usd":4.95e-06,"created_at":"2026-03-20T12:29:15.123456"}]}}"""
    }

    test("list jobs is newest first, filters on UPPERCASE status, and 500s on lowercase") {
      val first = newJob()
      val second = newJob()
      http().post("/api/jobs/$first/complete", """{"status":"completed"}""")
      val all = http().get("/api/teams/acme/jobs").body
      (all.indexOf(second) < all.indexOf(first)) shouldBe true
      http().get("/api/teams/acme/jobs?status=COMPLETED").body shouldContain "\"total\":1"
      http().get("/api/teams/acme/jobs?status=completed").status shouldBe 500
      http().get("/api/teams/globex/jobs").body shouldBe
        """{"detail":"Cannot access jobs for a different team"}"""
    }

    context("documented mode") {
      val documented = FakeGatewayListener()
      extension(documented)

      test("statuses are lowercase and timestamps end in .SSSZ") {
        val docs = Http(documented.gateway.url(), ACME)
        val created = docs.post("/api/jobs/create", createJobBody())
        created.body shouldBe
          """{"job_id":"$JOB1","status":"pending","created_at":"2026-03-20T12:29:15.123Z"}"""
        docs.get("/api/jobs/$JOB1").body shouldContain "\"started_at\":null"
      }

      test("a repeated complete never charges twice") {
        val docs = Http(documented.gateway.url(), ACME)
        val id = docs.post("/api/jobs/create", createJobBody()).field("job_id")
        repeat(3) { docs.post("/api/jobs/$id/complete", """{"status":"completed"}""") }
        documented.gateway.state().job(id).chargeCount() shouldBe 1
        documented.gateway.state().team("acme").creditsRemaining() shouldBe 999
      }

      test("an unknown status filter is a v1 enum error, and lowercase filters work") {
        val docs = Http(documented.gateway.url(), ACME)
        docs.get("/api/teams/acme/jobs?status=done").body shouldContain
          """"loc":["query","status"],"msg":"value is not a valid enumeration member; permitted: 'pending'"""
        docs.get("/api/teams/acme/jobs?status=pending").status shouldBe 200
      }

      test("a non-UUID job id is a 404, not a plain 500") {
        Http(documented.gateway.url(), ACME).get("/api/jobs/nope").body shouldBe
          """{"detail":"Job not found"}"""
      }
    }
  })
