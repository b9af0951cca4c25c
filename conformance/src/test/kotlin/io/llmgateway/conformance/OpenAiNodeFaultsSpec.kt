package io.llmgateway.conformance

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeIn
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.fault.Fault
import io.llmgateway.testing.kotest.FakeGatewayListener
import java.time.Duration

/**
 * Every kind of error a scripted fault makes the fake send on a HiveOps path, as the official
 * `openai` npm client reports it. Answers with a JSON body carry the fake's request id; nginx pages
 * and dropped connections carry none, as in front of a real gateway.
 */
class OpenAiNodeFaultsSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    val driver = lazy { OpenAiNode.start() }
    afterSpec { if (driver.isInitialized()) driver.value.close() }
    fun node(case: Map<String, Any?>) = driver.value.call(case)
    fun base() = fake.gateway.hiveOpsBaseUrl()
    fun nodeTest(name: String, body: suspend () -> Unit) =
      test(name).config(enabledOrReasonIf = OpenAiNode.enabled) { body() }
    fun script(fault: Fault) = fake.gateway.faults().on("POST", "/chat/completions").next(fault)

    nodeTest("a generic status in OpenAI's shape: the class by status, type by family, code null") {
      val invalid = "invalid_request_error"
      val rows =
        listOf(
          400 to Reported("BadRequestError", 400, null, invalid, null),
          401 to Reported("AuthenticationError", 401, null, invalid, null),
          403 to Reported("PermissionDeniedError", 403, null, invalid, null),
          404 to Reported("NotFoundError", 404, null, invalid, null),
          409 to Reported("ConflictError", 409, null, invalid, null),
          422 to Reported("UnprocessableEntityError", 422, null, invalid, null),
          429 to Reported("RateLimitError", 429, null, invalid, null),
          500 to Reported("InternalServerError", 500, null, "server_error", null),
          502 to Reported("InternalServerError", 502, null, "server_error", null),
          503 to Reported("InternalServerError", 503, null, "server_error", null),
          504 to Reported("InternalServerError", 504, null, "server_error", null),
        )
      for ((status, expected) in rows) {
        script(Fault.status(status))
        node(chat(base())).shouldReport(expected)
      }
    }

    nodeTest("the guide's 429, an OpenAI error with a param, a raw body, a SaaS body") {
      script(Fault.rateLimited())
      val limited = node(chat(base()))
      limited.shouldReport(
        Reported("RateLimitError", 429, "rate_limit_exceeded", "rate_limit_error", null)
      )
      limited["retryAfter"] shouldBe null // the guide's 429 names no wait: scripts add one
      script(Fault.rateLimited().withRetryAfterMs(1500))
      node(chat(base()))["retryAfterMs"] shouldBe "1500"
      script(
        Fault.openAiError(
          400,
          "Invalid 'top_p'",
          "invalid_request_error",
          "top_p",
          "decimal_above_max_value",
        )
      )
      node(chat(base()))
        .shouldReport(
          Reported(
            "BadRequestError",
            400,
            "decimal_above_max_value",
            "invalid_request_error",
            "top_p",
          )
        )
      script(Fault.status(418, """{"error":{"message":"teapot","type":"x","code":"y"}}"""))
      node(chat(base())).shouldReport(Reported("APIError", 418, "y", "x", null))
      script(Fault.detail(500, "Internal server error"))
      node(chat(base())).shouldReport(Reported("InternalServerError", 500, null, null, null))
    }

    nodeTest("broken bodies: the status still decides, nothing more is known") {
      val rows =
        listOf(
          Fault.malformedJson(500) to Reported("InternalServerError", 500, null, null, null),
          Fault.emptyBody(503) to Reported("InternalServerError", 503, null, null, null),
          Fault.hugeBody(500, 1) to Reported("InternalServerError", 500, null, null, null),
          Fault.sometimes(1.0, 7, Fault.status(503)) to
            Reported("InternalServerError", 503, null, "server_error", null),
        )
      for ((fault, expected) in rows) {
        script(fault)
        node(chat(base())).shouldReport(expected)
      }
    }

    nodeTest("an nginx page in front of the gateway: no request id, no code") {
      script(Fault.nginxBadGateway())
      node(chat(base()))
        .shouldReport(Reported("InternalServerError", 502, null, null, null), withId = false)
      script(Fault.nginxError(504, "Gateway Timeout"))
      node(chat(base()))
        .shouldReport(Reported("InternalServerError", 504, null, null, null), withId = false)
    }

    nodeTest("lost connections and silence are connection errors without a status") {
      val rows =
        listOf(
          Fault.disconnectAfterRequest() to "APIConnectionError",
          Fault.noResponse() to "APIConnectionTimeoutError",
          Fault.delayHeaders(Duration.ofMillis(1_500)) to "APIConnectionTimeoutError",
        )
      for ((fault, errorClass) in rows) {
        script(fault)
        node(chat(base(), "timeoutMs" to 500))
          .shouldReport(Reported(errorClass, null, null, null, null), withId = false)
      }
    }

    nodeTest("a body cut short: never half an answer, but this client may wait forever") {
      // openai 4.x reads bodies through node-fetch 2, whose promise can stay pending when a
      // fixed-length body ends early on a reused agent; its timeout covers the headers only.
      // The driver reports that as NoAnswer after the deadline.
      for (fault in listOf(Fault.disconnectAfterBytes(40), Fault.disconnectDuringBody())) {
        script(fault)
        val report = node(chat(base(), "deadlineMs" to 3_000))
        withClue(report) {
          report["ok"] shouldBe false
          report["errorClass"] shouldBeIn listOf("APIConnectionError", "NoAnswer")
        }
      }
    }

    nodeTest("a stream cut after 3 events: the client reports the partial text and fails") {
      script(Fault.disconnectAfterEvents(3))
      val report = node(case("stream", base(), "params" to params()))
      withClue(report) {
        report["chunks"] shouldBe 3L
        report["text"] shouldBe "Fake reply" // the role chunk, "Fake", " reply"
        report["ok"] shouldBe false
        report["message"] shouldBe "Premature close"
      }
    }

    nodeTest("a stream that stalls once arrives whole; a wrong content type is not an error") {
      script(Fault.stallAfterEvents(2, Duration.ofMillis(300)))
      val stalled = node(case("stream", base(), "params" to params()))
      stalled["text"] shouldBe "Fake reply to: hello there"
      script(Fault.wrongContentType("text/html"))
      val html = node(chat(base()))
      withClue(html) {
        html["ok"] shouldBe true
        html["content"] shouldBe null // the client hands back the text, unparsed
      }
    }
  })
