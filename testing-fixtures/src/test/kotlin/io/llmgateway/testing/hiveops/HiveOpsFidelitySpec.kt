package io.llmgateway.testing.hiveops

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldMatch
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.HIVE
import io.llmgateway.testing.Http
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.fault.Fault
import io.llmgateway.testing.kotest.FakeGatewayListener
import java.time.Duration

private const val LLAMA = "llama3:8b-instruct-q8_0"

/** Issue 19's list of places where the HiveOps personality was kinder than the OpenAI API. */
class HiveOpsFidelitySpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    fun http(key: String? = HIVE) = Http(fake.gateway.hiveOpsBaseUrl(), key)

    fun error(status: Int, message: String, param: String?, code: String?) =
      status to
        """{"error":{"message":"$message","type":"invalid_request_error",""" +
          """"param":${param?.let { "\"$it\"" }},"code":${code?.let { "\"$it\"" }}}}"""

    test("every answer has an x-request-id counting up, openai-processing-ms and openai-version") {
      val ok = http().post("/chat/completions", chatBody(LLAMA))
      ok.header("x-request-id") shouldBe "req_00000000000000000000000000000001"
      ok.header("openai-processing-ms") shouldBe "0"
      ok.header("openai-version") shouldBe "2020-10-01"
      http(null).post("/chat/completions", chatBody(LLAMA)).header("x-request-id") shouldBe
        "req_00000000000000000000000000000002"
      http().get("/v1/nowhere").header("x-request-id") shouldMatch Regex("req_[0-9a-f]{32}")
      fake.gateway.faults().on("POST", "/chat/completions").next(Fault.status(503))
      http().post("/chat/completions", chatBody(LLAMA)).header("x-request-id") shouldBe
        "req_00000000000000000000000000000004"
    }

    test("an nginx page in front of the gateway has no request id; SaaS answers have none") {
      fake.gateway.faults().on("POST", "/chat/completions").next(Fault.nginxBadGateway())
      http().post("/chat/completions", chatBody(LLAMA)).header("x-request-id") shouldBe null
      Http(fake.gateway.url()).get("/health").header("x-request-id") shouldBe null
    }

    test("a 429 says when the window reopens: Retry-After, retry-after-ms and both resets") {
      FakeGateway.builder().hiveOpsLimits(1, 150_000).start().use { gw ->
        val client = Http(gw.url(), HIVE)
        client.post("/chat/completions", chatBody(LLAMA)).status shouldBe 200
        val limited = client.post("/chat/completions", chatBody(LLAMA))
        limited.status shouldBe 429
        // the clock stands at 12:29:15.123456; the window reopens at 12:30:00
        limited.header("retry-after-ms") shouldBe "44877"
        limited.header("Retry-After") shouldBe "45"
        limited.header("X-RateLimit-Reset-Requests") shouldBe "2026-03-20T12:30:00Z"
        limited.header("X-RateLimit-Reset-Tokens") shouldBe "2026-03-20T12:30:00Z"
      }
    }

    test("a non-stream completion has system_fingerprint, logprobs and message.refusal") {
      val body = http().post("/chat/completions", chatBody(LLAMA)).body
      body shouldContain """"system_fingerprint":"fp_fake""""
      body shouldContain """"logprobs":null"""
      body shouldContain """"refusal":null"""
    }

    test("unknown paths outside /api answer OpenAI's 404, not FastAPI's") {
      for (path in listOf("/v1/embeddings", "/embeddings", "/v1/chat/complete", "/")) {
        val reply = http().send("POST", path, "{}")
        reply.status shouldBe 404
        reply.body shouldBe
          """{"error":{"message":"Invalid URL (POST $path)","type":"invalid_request_error",""" +
            """"param":null,"code":null}}"""
      }
      Http(fake.gateway.url()).get("/api/nowhere").body shouldBe """{"detail":"Not Found"}"""
    }

    test("models.retrieve answers one model, its id percent-encoded or not, and 404s others") {
      val expected =
        """{"id":"$LLAMA","object":"model","created":1710892800,"owned_by":"hiveops"}"""
      http().get("/models/llama3%3A8b-instruct-q8_0").body shouldBe expected
      http().get("/v1/models/$LLAMA").body shouldBe expected
      val missing = http().get("/v1/models/gpt-4")
      missing.status shouldBe 404
      missing.body shouldBe
        """{"error":{"message":"The model `gpt-4` does not exist or you do not have access to it.",""" +
          """"type":"invalid_request_error","param":null,"code":"model_not_found"}}"""
      http(null).get("/models/$LLAMA").status shouldBe 401
    }

    test("listing models does not count against the chat window") {
      repeat(70) { http().get("/models").status shouldBe 200 }
      val models = http().get("/models")
      models.header("X-RateLimit-Remaining-Requests") shouldBe "60"
      http().post("/chat/completions", chatBody(LLAMA)).status shouldBe 200
      fake.gateway.state().hiveOpsKey(HIVE).requestsInWindow() shouldBe 1
    }

    test("roles and message shapes are validated, with OpenAI's param and code") {
      fun chat(messages: String) =
        http().post("/chat/completions", """{"model":"$LLAMA","messages":$messages}""")
      val cases =
        mapOf(
          """[{"role":"robot","content":"hi"}]""" to
            error(
              400,
              "Invalid value: 'robot'. Supported values are: 'system', 'assistant', 'user'," +
                " 'function', 'tool', and 'developer'.",
              "messages[0].role",
              "invalid_value",
            ),
          """[{"role":"user","content":"hi"},{"content":"x"}]""" to
            error(
              400,
              "Missing required parameter: 'messages[1].role'.",
              "messages[1].role",
              "missing_required_parameter",
            ),
          """[{"role":"user"}]""" to
            error(
              400,
              "Missing required parameter: 'messages[0].content'.",
              "messages[0].content",
              "missing_required_parameter",
            ),
          """["hi"]""" to
            error(
              400,
              "Invalid type for 'messages[0]': expected an object, but got a string instead.",
              "messages[0]",
              "invalid_type",
            ),
          "[]" to
            error(
              400,
              "Invalid 'messages': empty array. Expected an array with minimum length 1, but got" +
                " an empty array instead.",
              "messages",
              "empty_array",
            ),
        )
      for ((messages, expected) in cases) {
        val reply = chat(messages)
        (reply.status to reply.body) shouldBe expected
      }
      chat("""[{"role":"developer","content":"be brief"},{"role":"user","content":"hi"}]""")
        .status shouldBe 200
    }

    test("max_completion_tokens cuts the reply as max_tokens does, and wins over it") {
      val cut =
        http().post("/chat/completions", chatBody(LLAMA, extra = ""","max_completion_tokens":2"""))
      cut.body shouldContain """"content":"Fake reply","""
      cut.body shouldContain """"finish_reason":"length""""
      cut.body shouldContain """"completion_tokens":2,"""
      http()
        .post(
          "/chat/completions",
          chatBody(LLAMA, extra = ""","max_tokens":1,"max_completion_tokens":3"""),
        )
        .body shouldContain """"content":"Fake reply to","""
    }

    test("out-of-range parameters are OpenAI's 400s") {
      val cases =
        mapOf(
          """"max_tokens":0""" to
            error(
              400,
              "Invalid 'max_tokens': integer below minimum value. Expected a value >= 1, but got" +
                " 0 instead.",
              "max_tokens",
              "integer_below_min_value",
            ),
          """"temperature":3""" to
            error(
              400,
              "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got" +
                " 3 instead.",
              "temperature",
              "decimal_above_max_value",
            ),
          """"max_tokens":"5"""" to
            error(
              400,
              "Invalid type for 'max_tokens': expected an integer, but got a string instead.",
              "max_tokens",
              "invalid_type",
            ),
          """"stream_options":{"include_usage":true}""" to
            error(
              400,
              "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
              "stream_options",
              null,
            ),
        )
      for ((extra, expected) in cases) {
        val reply = http().post("/chat/completions", chatBody(LLAMA, extra = ",$extra"))
        (reply.status to reply.body) shouldBe expected
      }
    }

    test("a stop sequence ends the reply before it") {
      val body = http().post("/chat/completions", chatBody(LLAMA, extra = ""","stop":[":"]""")).body
      body shouldContain """"content":"Fake reply to","""
      body shouldContain """"finish_reason":"stop""""
    }

    test("token counts follow the tokenizer, not whitespace-separated words") {
      val body =
        http()
          .post("/chat/completions", chatBody(LLAMA, "Summarise the 2026 report, quarterly."))
          .body
      // prompt: 3 + 3 + 1 + ("Summar" "ise" " the" " 202" "6" " report" "," " quarte" "rly" ".")
      body shouldContain """"prompt_tokens":17,"""
      // reply: "Fake" " reply" " to" ":" + the 10 tokens above
      body shouldContain """"completion_tokens":14,"""
    }

    test("streams send one token per chunk, and their first delta carries refusal") {
      val body =
        http().post("/chat/completions", chatBody(LLAMA, extra = ""","stream":true""")).body
      body shouldContain """"delta":{"role":"assistant","content":"","refusal":null}"""
      body shouldContain """"delta":{"content":":"}"""
      body shouldNotContain """"delta":{"content":" to:"}"""
    }

    test("a rate window can be a few seconds long on the clock the gateway runs on") {
      FakeGateway.builder()
        .hiveOpsLimits(1, 150_000)
        .hiveOpsRateWindow(Duration.ofSeconds(2))
        .start()
        .use { gw ->
          val client = Http(gw.url(), HIVE)
          client.post("/chat/completions", chatBody(LLAMA))
          client.post("/chat/completions", chatBody(LLAMA)).header("retry-after-ms") shouldBe "877"
        }
    }
  })
