package io.llmgateway.testing.saas

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Http
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.kotest.FakeGatewayListener

/** GET /api/models and /api/models/{alias} (spec 3.14): alias records with prices, no auth. */
class SaasModelsSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener { FakeGateway.builder().mode(SaasMode.REAL_SERVER) })
    fun http() = Http(fake.gateway.url(), key = null)

    test("an alias is ModelResponse with prices per million tokens, without any key") {
      val reply = http().get("/api/models/chat-claude")
      reply.status shouldBe 200
      reply.body shouldBe
        """{"model_alias":"chat-claude","display_name":"chat-claude","provider":"anthropic",""" +
          """"actual_model":"claude-3-5-sonnet-20241022","litellm_model_id":null,""" +
          """"access_groups":["acme-models"],"description":null,"pricing_input":3.0,""" +
          """"pricing_output":15.0,"status":"active","teams_using":null,""" +
          """"created_at":"2026-03-20T12:29:15.123456","updated_at":"2026-03-20T12:29:15.123456"}"""
    }

    test("an unknown alias is the server's 404") {
      val reply = http().get("/api/models/chat-nope")
      reply.status shouldBe 404
      reply.body shouldBe """{"detail":"Model alias 'chat-nope' not found"}"""
    }

    test("the list has one record per alias; teams with access add their access group") {
      val body = http().get("/api/models").body
      body shouldContain """{"model_alias":"chat-fast","""
      body shouldContain """"pricing_input":0.15,"pricing_output":0.6,"status":"active""""
      Regex("\"model_alias\":\"chat-fast\"").findAll(body).count() shouldBe 1
      body shouldContain
        """"access_groups":["acme-models","globex-models","initech-models","umbrella-models",""" +
          """"hooli-models","broke-models"]"""
    }

    test("filters: status, provider, and an access group reads the alias as its team seeded it") {
      val inactive = http().get("/api/models?status=inactive").body
      inactive shouldContain "\"model_alias\":\"chat-retired\""
      inactive shouldNotContain "\"model_alias\":\"chat-fast\""
      http().get("/api/models?provider=gemini").body shouldContain "\"model_alias\":\"chat-gemini\""
      val globex = http().get("/api/models?access_group=globex-models").body
      globex shouldContain """"pricing_input":1000.0,"pricing_output":2000.0"""
      globex shouldNotContain "chat-claude"
      // No access, no group: chat-premium is in the list but in nobody's group.
      http().get("/api/models?access_group=acme-models").body shouldNotContain "chat-premium"
    }
  })
