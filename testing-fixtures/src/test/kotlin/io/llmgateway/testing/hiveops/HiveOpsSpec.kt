package io.llmgateway.testing.hiveops

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldEndWith
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.HIVE
import io.llmgateway.testing.Http
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.kotest.FakeGatewayListener
import java.math.BigDecimal
import java.time.Duration

private const val LLAMA = "llama3:8b-instruct-q8_0"

class HiveOpsSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    fun http(key: String? = HIVE) = Http(fake.gateway.hiveOpsBaseUrl(), key)

    test("chat completions answer an OpenAI chat.completion with usage, with or without /v1") {
      val expected =
        """{"id":"chatcmpl-fake-1","object":"chat.completion","created":1774009755,"model":"$LLAMA",""" +
          """"choices":[{"index":0,"message":{"role":"assistant","content":"Fake reply to: hello there",""" +
          """"refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],""" +
          """"usage":{"prompt_tokens":9,"completion_tokens":6,"total_tokens":15,""" +
          """"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},""" +
          """"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,""" +
          """"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},""" +
          """"service_tier":"default","system_fingerprint":"fp_fake"}"""
      http().post("/chat/completions", chatBody(LLAMA)).body shouldBe expected
      http().post("/v1/chat/completions", chatBody(LLAMA)).body shouldBe
        expected.replace("chatcmpl-fake-1", "chatcmpl-fake-2")
    }

    test("models lists the four HiveOps models at /models and /v1/models") {
      val body = http().get("/models").body
      body shouldContain
        """{"id":"mistral-7b-instruct-v0.3","object":"model","created":1710892800,"owned_by":"hiveops"}"""
      listOf("llama3:8b-instruct-q8_0", "gemma-2-9b-it", "llama-3-70b-instruct").forEach {
        body shouldContain "\"id\":\"$it\""
      }
      http().get("/v1/models").body shouldBe body
    }

    test("a missing, unknown or expired key gets the guide's 401, with OpenAI's param key") {
      val expected =
        """{"error":{"message":"Invalid API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"""
      listOf(null, "sk-fake-who", "sk-fake-hive-old").forEach { key ->
        val reply = http(key).post("/chat/completions", chatBody(LLAMA))
        reply.status shouldBe 401
        reply.body shouldBe expected
      }
    }

    test("a key expires after its 90 days on the injected clock") {
      http().get("/models").status shouldBe 200
      fake.gateway.fakeClock().advance(Duration.ofDays(90))
      http().get("/models").status shouldBe 401
    }

    test("an empty balance gets the guide's 403 body") {
      val reply = http("sk-fake-hive-broke").post("/chat/completions", chatBody(LLAMA))
      reply.status shouldBe 403
      reply.body shouldBe
        """{"error":{"message":"Insufficient account balance. Please add funds to continue.",""" +
          """"type":"insufficient_quota","param":null,"code":"insufficient_balance"}}"""
    }

    test("an OpenAI model name is a 400 Invalid model with our type, param and code") {
      val reply = http().post("/chat/completions", chatBody("gpt-3.5-turbo"))
      reply.status shouldBe 400
      reply.body shouldBe
        """{"error":{"message":"Invalid model 'gpt-3.5-turbo' specified","type":"invalid_request_error","param":"model","code":"model_not_found"}}"""
    }

    test("malformed JSON and missing fields are OpenAI's 400 invalid_request_error") {
      http().post("/chat/completions", "{nope").body shouldBe
        """{"error":{"message":"We could not parse the JSON body of your request. (HINT: This likely""" +
          """ means you aren't using your HTTP library correctly. The OpenAI API expects a JSON""" +
          """ payload, but what was sent was not valid JSON. If you have trouble figuring out how to""" +
          """ fix this, please contact us through our help center at help.openai.com.)",""" +
          """"type":"invalid_request_error","param":null,"code":null}}"""
      http().post("/chat/completions", """{"model":"$LLAMA"}""").body shouldBe
        """{"error":{"message":"Missing required parameter: 'messages'.","type":"invalid_request_error",""" +
          """"param":"messages","code":"missing_required_parameter"}}"""
    }

    test("every response for a key carries the six X-RateLimit headers") {
      val reply = http().post("/chat/completions", chatBody(LLAMA))
      reply.header("X-RateLimit-Limit-Requests") shouldBe "60"
      reply.header("X-RateLimit-Remaining-Requests") shouldBe "59"
      reply.header("X-RateLimit-Reset-Requests") shouldBe "2026-03-20T12:30:00Z"
      reply.header("X-RateLimit-Limit-Tokens") shouldBe "150000"
      reply.header("X-RateLimit-Remaining-Tokens") shouldBe "149985"
      reply.header("X-RateLimit-Reset-Tokens") shouldBe "2026-03-20T12:30:00Z"
      http()
        .post("/chat/completions", chatBody("nope"))
        .header("X-RateLimit-Remaining-Requests") shouldBe "58"
    }

    test("the 61st request in a minute is a 429 with the guide's body, the next minute is fresh") {
      repeat(60) { http().post("/chat/completions", chatBody(LLAMA)).status shouldBe 200 }
      val limited = http().post("/chat/completions", chatBody(LLAMA))
      limited.status shouldBe 429
      limited.body shouldBe
        """{"error":{"message":"Rate limit exceeded. Please try again later.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}"""
      limited.header("X-RateLimit-Remaining-Requests") shouldBe "0"
      fake.gateway.fakeClock().advance(Duration.ofSeconds(45))
      val fresh = http().post("/chat/completions", chatBody(LLAMA))
      fresh.status shouldBe 200
      fresh.header("X-RateLimit-Remaining-Requests") shouldBe "59"
      fresh.header("X-RateLimit-Reset-Requests") shouldBe "2026-03-20T12:31:00Z"
    }

    test("tokens per window are limited too, and the window length is configurable") {
      FakeGateway.builder()
        .hiveOpsLimits(100, 20)
        .hiveOpsRateWindow(Duration.ofSeconds(2))
        .start()
        .use { gw ->
          val client = Http(gw.url(), HIVE)
          client
            .post("/chat/completions", chatBody(LLAMA))
            .header("X-RateLimit-Remaining-Tokens") shouldBe "5" // one call is 15 tokens
          client.post("/chat/completions", chatBody(LLAMA)).status shouldBe 200
          val limited = client.post("/chat/completions", chatBody(LLAMA))
          limited.status shouldBe 429
          limited.header("X-RateLimit-Reset-Requests") shouldBe "2026-03-20T12:29:16Z"
          gw.fakeClock().advance(Duration.ofSeconds(2))
          client.post("/chat/completions", chatBody(LLAMA)).status shouldBe 200
        }
    }

    test("each call is charged from the price table, exactly") {
      http().post("/chat/completions", chatBody(LLAMA))
      // 9 prompt tokens at $0.01/1M + 6 completion tokens at $0.02/1M
      fake.gateway.state().hiveOpsKey(HIVE).balanceUsd() shouldBe BigDecimal("9.99999979")
      HiveOpsBilling.cost("llama-3-70b-instruct", 1_000_000, 0) shouldBe BigDecimal("1")
    }

    test("streams are chat.completion.chunk events ending in [DONE]") {
      val body =
        http().post("/chat/completions", chatBody(LLAMA, extra = ""","stream":true""")).body
      body shouldContain "\"object\":\"chat.completion.chunk\""
      body shouldNotContain "\"usage\""
      body shouldEndWith "data: [DONE]\n\n"
    }

    test("include_usage adds a final usage chunk before [DONE]") {
      val body =
        http()
          .post(
            "/chat/completions",
            chatBody(LLAMA, extra = ""","stream":true,"stream_options":{"include_usage":true}"""),
          )
          .body
      body shouldEndWith
        """"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":6,"total_tokens":15,""" +
          """"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},""" +
          """"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,""" +
          """"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}""" +
          "\n\ndata: [DONE]\n\n"
    }
  })
