package io.llmgateway.testing.saas

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.ACME
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Http
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.kotest.FakeGatewayListener
import io.llmgateway.testing.seed.Seed
import java.time.Duration

class SaasRateLimitSpec :
  FunSpec({
    val docs = extension(FakeGatewayListener())
    fun http() = Http(docs.gateway.url(), ACME)

    test("documented: the 61st request in a minute is a 429 with Retry-After and headers") {
      repeat(60) { http().get("/api/credits/teams/acme/balance").status shouldBe 200 }
      val limited = http().get("/api/credits/teams/acme/balance")
      limited.status shouldBe 429
      limited.body shouldBe """{"detail":"Rate limit exceeded"}"""
      limited.header("Retry-After") shouldBe "45"
      limited.header("X-RateLimit-Remaining-Requests") shouldBe "0"
      limited.header("X-RateLimit-Reset-Requests") shouldBe "2026-03-20T12:30:00Z"
    }

    test("documented: moving the clock a minute opens a fresh window") {
      repeat(60) { http().get("/api/credits/teams/acme/balance") }
      docs.gateway.fakeClock().advance(Duration.ofMinutes(1))
      val reply = http().get("/api/credits/teams/acme/balance")
      reply.status shouldBe 200
      reply.header("X-RateLimit-Remaining-Requests") shouldBe "59"
    }

    test("documented: tokens per minute come from the team's seed") {
      val seed =
        Seed.fromJson(
          """{"teams":[{"id":"acme","virtualKey":"sk-fake-acme","tpm":10,"aliases":[{"alias":"m"}]}]}""",
          FakeClock.DEFAULT_START,
        )
      FakeGateway.builder().seed(seed).start().use { gw ->
        val client = Http(gw.url(), ACME)
        val id = client.post("/api/jobs/create", createJobBody()).field("job_id")
        client.post("/api/jobs/$id/llm-call", chatBody("m")).status shouldBe 200
        client
          .post("/api/jobs/$id/llm-call", chatBody("m"))
          .header("X-RateLimit-Remaining-Tokens") shouldBe "0"
        client.post("/api/jobs/$id/llm-call", chatBody("m")).status shouldBe 429
      }
    }

    test("real-server: no rate limiting and no rate-limit headers") {
      FakeGateway.builder().mode(SaasMode.REAL_SERVER).start().use { gw ->
        val client = Http(gw.url(), ACME)
        repeat(100) { client.get("/api/credits/teams/acme/balance").status shouldBe 200 }
        client.get("/api/credits/teams/acme/balance").header("X-RateLimit-Limit-Requests") shouldBe
          null
      }
    }
  })
