package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldMatch
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.testing.fault.Fault
import io.llmgateway.testing.kotest.FakeGatewayListener

class ChatSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())

    fun saas(vararg extra: String) =
      arrayOf("chat", "--json", "--base-url", fake.gateway.saasBaseUrl(), "--team", "acme") + extra

    val acme = mapOf("SAAS_LITELLM_VIRTUAL_KEY" to "sk-fake-acme")

    test("a SaaS chat prints one JSON object with the answer, attempts and cost") {
      val run = runCli(*saas("hello", "there"), env = acme)
      run.exit shouldBe 0
      val json = run.json()
      json["ok"] shouldBe true
      json["provider"] shouldBe "saas-litellm"
      json["attempts"] shouldBe 1.0
      json["waited_ms"] shouldBe 0.0
      json["text"] shouldBe "Fake reply to: hello there"
      (json["cost_usd"] as String) shouldMatch Regex("0\\.[0-9]*[1-9]") // plain, never 3.0E-6
      json.keys.toList().take(8) shouldBe
        listOf(
          "ok",
          "command",
          "provider",
          "attempts",
          "waited_ms",
          "latency_ms",
          "startup_ms",
          "cost_usd",
        )
    }

    test("a human chat prints the answer and the attempts line") {
      val run =
        runCli(
          "chat",
          "--base-url",
          fake.gateway.saasBaseUrl(),
          "--team",
          "acme",
          "hi",
          env = acme,
        )
      run.exit shouldBe 0
      run.out shouldContain "Fake reply to: hi"
      run.out shouldContain "attempts 1"
    }

    test("three 503s exhaust the retries: exit 6, retryable, three attempts, time waited") {
      fake.gateway.faults().on("POST", "/api/jobs/create-and-call").thenAlways(Fault.status(503))
      val run = runCli(*saas("hi"), env = acme)
      run.exit shouldBe 6
      run.json()["ok"] shouldBe false
      run.json()["attempts"] shouldBe 3.0
      (run.json()["waited_ms"] as Double) shouldBeGreaterThan 0.0
      run.error()["kind"] shouldBe "service_unavailable"
      run.error()["status"] shouldBe 503.0
      run.error()["retryable"] shouldBe true
      // The first backoff (1 s +-25 %) passes silently; the second (2 s +-25 %) may say itself.
      run.err shouldNotContain "(attempt 2 after"
    }

    test("a wrong virtual key is exit 3 and never retried") {
      val run = runCli(*saas("hi"), env = mapOf("SAAS_LITELLM_VIRTUAL_KEY" to "sk-wrong-key-0000"))
      run.exit shouldBe 3
      run.error()["kind"] shouldBe "authentication"
      run.error()["status"] shouldBe 401.0
      run.error()["retryable"] shouldBe false
      run.json()["attempts"] shouldBe 1.0
    }

    test("a dropped connection on every attempt is exit 7") {
      fake.gateway
        .faults()
        .on("POST", "/api/jobs/create-and-call")
        .thenAlways(Fault.disconnectAfterRequest())
      val run = runCli(*saas("hi"), env = acme)
      run.exit shouldBe 7
      run.error()["kind"] shouldBe "connection"
    }

    test("a 400 is exit 9, bad request, not retried") {
      fake.gateway
        .faults()
        .on("POST", "/api/jobs/create-and-call")
        .next(Fault.detail(400, "Invalid request format"))
      val run = runCli(*saas("hi"), env = acme)
      run.exit shouldBe 9
      run.error()["kind"] shouldBe "bad_request"
      run.error()["status"] shouldBe 400.0
      run.json()["attempts"] shouldBe 1.0
    }

    test("a model the team may not use is exit 3, a permission error") {
      val run = runCli(*saas("--model", "chat-premium", "hi"), env = acme)
      run.exit shouldBe 3
      run.error()["status"] shouldNotBe null
    }

    test("HiveOps chat maps gpt-3.5-turbo to llama3 and prices it at the guide's rate") {
      val run =
        runCli(
          "chat",
          "--json",
          "--provider",
          "hiveops",
          "--base-url",
          fake.gateway.hiveOpsBaseUrl(),
          "--model",
          "gpt-3.5-turbo",
          "hello",
          env = mapOf("HIVEOPS_API_KEY" to "sk-fake-hive"),
        )
      run.exit shouldBe 0
      run.json()["provider"] shouldBe "hiveops"
      run.json()["model"] shouldBe "llama3:8b-instruct-q8_0"
      // 8 prompt tokens (one message with OpenAI's framing) at $0.01/1M + 5 completion tokens
      // ("Fake", " reply", " to", ":", " hello") at $0.02/1M
      run.json()["cost_usd"] shouldBe "0.00000018"
    }

    test("HiveOps with no balance is exit 4, insufficient credits, not retried") {
      val run =
        runCli(
          "chat",
          "--json",
          "--provider",
          "hiveops",
          "--base-url",
          fake.gateway.hiveOpsBaseUrl(),
          "hi",
          env = mapOf("HIVEOPS_API_KEY" to "sk-fake-hive-broke"),
        )
      run.exit shouldBe 4
      run.error()["kind"] shouldBe "insufficient_credits"
      run.json()["attempts"] shouldBe 1.0
    }

    test("HiveOps 429s give exit 5 with the server's retry-after") {
      fake.gateway
        .faults()
        .on("POST", "/chat/completions")
        .thenAlways(Fault.rateLimited().withRetryAfterSeconds(3))
      val run =
        runCli(
          "chat",
          "--json",
          "--provider",
          "hiveops",
          "--base-url",
          fake.gateway.hiveOpsBaseUrl(),
          "hi",
          env = mapOf("HIVEOPS_API_KEY" to "sk-fake-hive"),
        )
      run.exit shouldBe 5
      run.error()["kind"] shouldBe "rate_limited"
      run.error()["retry_after_ms"] shouldBe 3000.0
      run.json()["attempts"] shouldBe 5.0
      (run.json()["waited_ms"] as Double).toLong() shouldBeGreaterThan 11_000L
      // Every wait over 2 s says what it waits for and how long is left, on stderr.
      run.err shouldContain
        "llmgw: waiting to retry hiveops chat.completions (attempt 2 after RateLimitedException," +
          " as long as the gateway asked): 3 s left"
      run.err.lines().count { it.startsWith("llmgw: waiting to retry") } shouldBe 4
    }
  })
