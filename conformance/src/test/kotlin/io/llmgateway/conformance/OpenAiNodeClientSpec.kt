package io.llmgateway.conformance

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldMatch
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.HiveOpsMode
import io.llmgateway.testing.fault.Latency
import io.llmgateway.testing.kotest.FakeGatewayListener
import java.time.Clock
import java.time.Duration

private val USAGE =
  mapOf(
    "prompt_tokens" to 9L,
    "completion_tokens" to 6L,
    "total_tokens" to 15L,
    "prompt_tokens_details" to mapOf("cached_tokens" to 0L, "audio_tokens" to 0L),
    "completion_tokens_details" to
      mapOf(
        "reasoning_tokens" to 0L,
        "audio_tokens" to 0L,
        "accepted_prediction_tokens" to 0L,
        "rejected_prediction_tokens" to 0L,
      ),
  )

/**
 * Issue 19, requirement 3: what the official `openai` npm client reports against the fake's HiveOps
 * personality, for every answer the personality gives of its own: status, error class, code, type,
 * param, request id, usage. OpenAiNodeFaultsSpec does the same for scripted faults.
 */
class OpenAiNodeClientSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    val driver = lazy { OpenAiNode.start() }
    afterSpec { if (driver.isInitialized()) driver.value.close() }
    fun node(case: Map<String, Any?>) = driver.value.call(case)
    fun base() = fake.gateway.hiveOpsBaseUrl()
    fun nodeTest(name: String, body: suspend () -> Unit) =
      test(name).config(enabledOrReasonIf = OpenAiNode.enabled) { body() }

    nodeTest("a chat completion: content, usage, request id and OpenAI's fields") {
      val report = node(chat(base()))
      withClue(report) {
        report["ok"] shouldBe true
        report["content"] shouldBe "Fake reply to: hello there"
        report["finishReason"] shouldBe "stop"
        report["usage"] shouldBe USAGE
        report["requestId"] shouldBe "req_00000000000000000000000000000001"
        report["requestIdOfResponse"] shouldBe report["requestId"]
        report["systemFingerprint"] shouldBe "fp_fake"
        report.containsKey("refusal") shouldBe true
        report["refusal"] shouldBe null
        report.containsKey("logprobs") shouldBe true
      }
    }

    nodeTest("a stream: one token per chunk, usage at the end when asked, a request id") {
      val withUsage =
        node(
          case(
            "stream",
            base(),
            "params" to params("hello there", "stream_options" to mapOf("include_usage" to true)),
          )
        )
      withClue(withUsage) {
        withUsage["ok"] shouldBe true
        withUsage["text"] shouldBe "Fake reply to: hello there"
        withUsage["chunks"] shouldBe 9L // role, 6 tokens, finish, usage
        withUsage["finishReason"] shouldBe "stop"
        withUsage["usage"] shouldBe USAGE
        (withUsage["requestId"] as String) shouldMatch Regex("req_[0-9a-f]{32}")
      }
      val plain = node(case("stream", base(), "params" to params()))
      plain["usage"] shouldBe null
      plain["chunks"] shouldBe 8L
    }

    nodeTest("max_completion_tokens cuts the reply and the usage says so") {
      val report = node(chat(base(), "params" to params("hi", "max_completion_tokens" to 2)))
      report["content"] shouldBe "Fake reply"
      report["finishReason"] shouldBe "length"
      (report["usage"] as Map<*, *>)["completion_tokens"] shouldBe 2L
    }

    nodeTest("models.list and models.retrieve, colon in the id included") {
      node(case("models.list", base()))["ids"] as List<*> shouldContainExactly
        listOf("mistral-7b-instruct-v0.3", LLAMA, "gemma-2-9b-it", "llama-3-70b-instruct")
      val one = node(case("models.retrieve", base(), "id" to LLAMA))
      one["id"] shouldBe LLAMA
      one["object"] shouldBe "model"
      node(case("models.retrieve", base(), "id" to "gpt-4"))
        .shouldReport(
          Reported("NotFoundError", 404, "model_not_found", "invalid_request_error", null)
        )
    }

    nodeTest("every error the personality sends, as the client reports it") {
      val invalid = "invalid_request_error"
      val rows: List<Pair<Map<String, Any?>, Reported>> =
        listOf(
          chat(base(), "apiKey" to "sk-nobody") to
            Reported("AuthenticationError", 401, "invalid_api_key", invalid, null),
          chat(base(), "noAuth" to true) to
            Reported("AuthenticationError", 401, "invalid_api_key", invalid, null),
          chat(base(), "apiKey" to "sk-fake-hive-old") to
            Reported("AuthenticationError", 401, "invalid_api_key", invalid, null),
          chat(base(), "params" to params() + ("model" to "gpt-3.5-turbo")) to
            Reported("BadRequestError", 400, "model_not_found", invalid, "model"),
          chat(
            base(),
            "params" to
              mapOf(
                "model" to LLAMA,
                "messages" to listOf(mapOf("role" to "bot", "content" to "x")),
              ),
          ) to Reported("BadRequestError", 400, "invalid_value", invalid, "messages[0].role"),
          chat(base(), "params" to mapOf("model" to LLAMA, "messages" to listOf<Any>())) to
            Reported("BadRequestError", 400, "empty_array", invalid, "messages"),
          chat(base(), "params" to params("hi", "max_tokens" to 0)) to
            Reported("BadRequestError", 400, "integer_below_min_value", invalid, "max_tokens"),
          chat(base(), "params" to params("hi", "temperature" to 2.5)) to
            Reported("BadRequestError", 400, "decimal_above_max_value", invalid, "temperature"),
          chat(base(), "apiKey" to "sk-fake-hive-broke") to
            Reported(
              "PermissionDeniedError",
              403,
              "insufficient_balance",
              "insufficient_quota",
              null,
            ),
          case("post", base(), "path" to "/embeddings", "body" to mapOf("input" to "x")) to
            Reported("NotFoundError", 404, null, invalid, null),
          case("get", base(), "path" to "/chat/completions") to
            Reported("APIError", 405, "method_not_allowed", invalid, null),
        )
      for ((case, expected) in rows) node(case).shouldReport(expected)
    }

    nodeTest("a 429 from the rate window carries Retry-After and retry-after-ms") {
      FakeGateway.builder().hiveOpsLimits(1, 150_000).start().use { gw ->
        node(chat(gw.hiveOpsBaseUrl()))["ok"] shouldBe true
        val limited = node(chat(gw.hiveOpsBaseUrl()))
        limited.shouldReport(
          Reported("RateLimitError", 429, "rate_limit_exceeded", "rate_limit_error", null)
        )
        limited["retryAfterMs"] shouldBe "44877" // the fake clock's window reopens in 44.877 s
        limited["retryAfter"] shouldBe "45"
      }
    }

    nodeTest("the OpenAI form: quota as 429 insufficient_quota, an unknown model as 404") {
      FakeGateway.builder().hiveOpsMode(HiveOpsMode.OPENAI).start().use { gw ->
        node(chat(gw.hiveOpsBaseUrl(), "apiKey" to "sk-fake-hive-broke"))
          .shouldReport(
            Reported("RateLimitError", 429, "insufficient_quota", "insufficient_quota", null)
          )
        node(chat(gw.hiveOpsBaseUrl(), "params" to params() + ("model" to "gpt-4")))
          .shouldReport(
            Reported("NotFoundError", 404, "model_not_found", "invalid_request_error", null)
          )
      }
    }

    nodeTest("the client's own retries wait for the window the 429 names, and then succeed") {
      // On the real clock, with a 4 s window: the client's default backoff (about 0.5 s, then 1 s)
      // alone gives up while the window is still closed; retry-after-ms makes it wait long enough.
      val window = Duration.ofSeconds(4)
      FakeGateway.builder()
        .clock(Clock.systemUTC())
        .hiveOpsLimits(1, 150_000)
        .hiveOpsRateWindow(window)
        .start()
        .use { gw ->
          val intoWindow = System.currentTimeMillis() % window.toMillis()
          Thread.sleep(window.toMillis() - intoWindow + 50) // start at the top of a window
          node(chat(gw.hiveOpsBaseUrl()))["ok"] shouldBe true
          val retried = node(chat(gw.hiveOpsBaseUrl(), "maxRetries" to 2))
          withClue(retried) {
            retried["ok"] shouldBe true
            (retried["elapsedMs"] as Long) shouldBeGreaterThanOrEqual 2_500
          }
        }
    }

    nodeTest("with latency, the client sees the first chunk late and the rest paced") {
      FakeGateway.builder()
        .hiveOpsLatency(Latency.of(Duration.ofMillis(200), Duration.ofMillis(40)))
        .start()
        .use { gw ->
          val report = node(case("stream", gw.hiveOpsBaseUrl(), "params" to params()))
          val times = (report["chunkTimesMs"] as List<*>).map { it as Long }
          // a chunk may be read late, never early: the i-th comes 200 + i x 40 ms in at least
          times.forEachIndexed { i, time -> time shouldBeGreaterThanOrEqual 195L + i * 40 }
        }
    }
  })
