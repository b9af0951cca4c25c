package io.llmgateway.testing.saas

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.testing.ACME
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Http
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.kotest.FakeGatewayListener

class SaasAuthSpec :
  FunSpec({
    val real = extension(FakeGatewayListener { FakeGateway.builder().mode(SaasMode.REAL_SERVER) })
    fun http(key: String? = ACME) = Http(real.gateway.url(), key)

    context("real-server mode answers with the server's texts") {
      test("a missing Authorization header is a 401 that says what is expected") {
        val reply = http(null).post("/api/jobs/create", createJobBody())
        reply.status shouldBe 401
        reply.body shouldBe
          """{"detail":"Missing Authorization header. Expected: 'Authorization: Bearer sk-xxx...'"}"""
      }

      test("a header that is not 'Bearer <key>' is a 401 about the format") {
        val reply =
          Http(real.gateway.url())
            .client
            .newCall(
              okhttp3.Request.Builder()
                .url(real.gateway.url() + "/api/jobs/x")
                .header("Authorization", "Token abc def")
                .build()
            )
            .execute()
            .use { it.code to it.body!!.string() }
        reply.first shouldBe 401
        reply.second shouldBe
          """{"detail":"Invalid Authorization header format. Expected: 'Authorization: Bearer sk-xxx...'"}"""
      }

      test("an unknown key is a 401 Invalid API key") {
        http("sk-fake-nobody").get("/api/jobs/x").body shouldBe """{"detail":"Invalid API key"}"""
      }

      test("a suspended team gets 403 Team access is suspended") {
        val reply = http("sk-fake-umbrella").post("/api/jobs/create", createJobBody("umbrella"))
        reply.status shouldBe 403
        reply.body shouldBe """{"detail":"Team access is suspended. Please contact support."}"""
      }

      test("a paused team gets 403, not the docs' 429") {
        val reply = http("sk-fake-hooli").post("/api/jobs/create", createJobBody("hooli"))
        reply.status shouldBe 403
        reply.body shouldBe """{"detail":"Team access is paused. Please contact support."}"""
      }

      test("a suspended team can be resumed by the test") {
        real.gateway.setTeamStatus("umbrella", "active")
        http("sk-fake-umbrella").post("/api/jobs/create", createJobBody("umbrella")).status shouldBe
          200
      }

      test("malformed JSON is a 422 even before the key is checked") {
        val reply = http(null).post("/api/jobs/create", """{"team_id": }""")
        reply.status shouldBe 422
        reply.body shouldBe
          """{"detail":[{"type":"json_invalid","loc":["body",12],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting value"}}]}"""
      }

      test("an invalid body with a bad key is a 401, with a good key a 422") {
        http("sk-fake-nobody").post("/api/jobs/create", "{}").status shouldBe 401
        val reply = http().post("/api/jobs/create", """{"team_id":"acme"}""")
        reply.status shouldBe 422
        reply.body shouldBe
          """{"detail":[{"type":"missing","loc":["body","job_type"],"msg":"Field required","input":{"team_id":"acme"}}]}"""
      }

      test("GET /health needs no key") {
        http(null).get("/health").body shouldBe """{"status":"healthy","service":"saas-llm-api"}"""
      }

      test("an unknown path is FastAPI's 404 and a wrong method its 405") {
        http().get("/api/nope").body shouldBe """{"detail":"Not Found"}"""
        http().get("/api/jobs/create-and-call").status shouldBe 500 // GET /api/jobs/{job_id}
        val reply = http().send("DELETE", "/api/jobs/create", null)
        reply.status shouldBe 405
      }
    }

    context("documented mode answers with the guide's texts") {
      test("every 401 says Invalid or missing API key") {
        FakeGateway.start().use { gateway ->
          Http(gateway.url(), null).get("/api/jobs/x").body shouldBe
            """{"detail":"Invalid or missing API key"}"""
          Http(gateway.url(), "sk-fake-nobody").get("/api/jobs/x").status shouldBe 401
        }
      }

      test("suspended and paused teams get the server's 403 texts: the guide has none of its own") {
        FakeGateway.start().use { gateway ->
          val suspended = Http(gateway.url(), "sk-fake-umbrella").get("/api/jobs/x")
          suspended.status shouldBe 403
          suspended.body shouldBe
            """{"detail":"Team access is suspended. Please contact support."}"""
          Http(gateway.url(), "sk-fake-hooli").get("/api/jobs/x").body shouldBe
            """{"detail":"Team access is paused. Please contact support."}"""
        }
      }

      test("validation errors use the pydantic v1 shape") {
        FakeGateway.start().use { gateway ->
          val reply =
            Http(gateway.url(), ACME)
              .post(
                "/api/jobs/create-and-call",
                """{"team_id":"acme","job_type":"x","model":"chat-fast"}""",
              )
          reply.status shouldBe 422
          reply.body shouldBe
            """{"detail":[{"loc":["body","messages"],"msg":"field required","type":"value_error.missing"}]}"""
        }
      }

      test("malformed JSON is a v1 jsondecode error with its position") {
        FakeGateway.start().use { gateway ->
          val reply = Http(gateway.url(), ACME).post("/api/jobs/create", "{\"a\" 1}")
          reply.status shouldBe 422
          reply.body shouldContain
            """"loc":["body",5],"msg":"Expecting ':' delimiter: line 1 column 6 (char 5)","type":"value_error.jsondecode""""
        }
      }
    }
  })
