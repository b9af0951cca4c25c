package io.llmgateway.reliability

import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotBeEmpty
import io.llmgateway.error.AuthenticationException
import io.llmgateway.error.BadRequestException
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.ConnectionException
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.InternalServerException
import io.llmgateway.error.ModelAccessDeniedException
import io.llmgateway.error.NotFoundException
import io.llmgateway.error.OtherServerException
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.error.StreamErrorEventException
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.error.TeamSuspendedException
import io.llmgateway.error.ValidationException
import io.llmgateway.reliability.Gateway.SAAS
import io.llmgateway.reliability.Shape.CALL
import io.llmgateway.reliability.Shape.STREAM
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode.REAL_SERVER
import io.llmgateway.testing.fault.Fault
import java.time.Duration

private fun FakeGateway.onCall(vararg faults: Fault) {
  val rule = faults().on("POST", "/api/jobs/*/llm-call")
  faults.forEach { rule.next(it) }
}

/** Both stream endpoints: llm-call-stream for the clients, create-and-call-stream for the CLI. */
private fun FakeGateway.onStream(vararg faults: Fault) {
  val rule = faults().on("POST", "/api/jobs/**-stream")
  faults.forEach { rule.next(it) }
}

private fun fails(
  type: kotlin.reflect.KClass<out io.llmgateway.error.LlmGatewayException>,
  check: (io.llmgateway.error.LlmGatewayException) -> Unit = {},
) = Expect.Failure(type, check)

private fun partialText(e: io.llmgateway.error.LlmGatewayException) {
  (e as StreamInterruptedException).partialText().shouldNotBeEmpty()
}

/** The SaaS LiteLLM rows: every status and body shape the guides and the spec show, every fault. */
val saasScenarios: List<Scenario> =
  listOf(
    // ---- statuses and body shapes a caller must not retry ----
    Scenario("400 with a detail text", SAAS, CALL, fails(BadRequestException::class), 1) {
      it.onCall(Fault.detail(400, "Invalid request: messages must not be empty"))
    },
    Scenario("401 that echoes the key", SAAS, CALL, fails(AuthenticationException::class), 1) {
      it.onCall(Fault.detail(401, "Invalid API key: ${Canary.saasKey}"))
    },
    Scenario(
      "403 with the guide's body",
      SAAS,
      CALL,
      fails(InsufficientCreditsException::class),
      1,
    ) {
      it.onCall(Fault.detail(403, "Team suspended or insufficient credits"))
    },
    Scenario("403 team suspended", SAAS, CALL, fails(TeamSuspendedException::class), 1) {
      it.onCall(Fault.detail(403, "Team access is suspended. Please contact support."))
    },
    Scenario(
      "403 model alias without access (the fake's own answer)",
      SAAS,
      CALL,
      fails(ModelAccessDeniedException::class),
      1,
      mode = REAL_SERVER,
      model = "chat-premium",
    ),
    Scenario("404 job not found", SAAS, CALL, fails(NotFoundException::class), 1) {
      it.onCall(Fault.detail(404, "Job not found"))
    },
    Scenario(
      "422 pydantic v2 list that echoes the key",
      SAAS,
      CALL,
      fails(ValidationException::class) { e -> e.fieldErrors().shouldNotBeEmpty() },
      1,
    ) {
      it.onCall(Fault.status(422, Bodies.pydanticV2(Canary.saasKey)))
    },
    Scenario(
      "422 pydantic v1 list",
      SAAS,
      CALL,
      fails(ValidationException::class) { e -> e.fieldErrors().shouldNotBeEmpty() },
      1,
    ) {
      it.onCall(Fault.status(422, Bodies.PYDANTIC_V1))
    },
    Scenario(
      "500 no provider credentials (the fake's own answer, not retried)",
      SAAS,
      CALL,
      fails(InternalServerException::class),
      1,
      mode = REAL_SERVER,
      model = "chat-broken",
    ),
    Scenario("502 nginx HTML page", SAAS, CALL, fails(OtherServerException::class), 1) {
      it.onCall(Fault.nginxBadGateway())
    },
    Scenario(
      "429 asking for an hour: fails at once",
      SAAS,
      CALL,
      fails(RateLimitedException::class) { e -> e.retryAfter() shouldBe Duration.ofHours(1) },
      1,
    ) {
      it.onCall(Fault.rateLimited().withRetryAfterSeconds(3600))
    },
    // ---- retried, then success ----
    Scenario(
      "429 with Retry-After 1 s, then success",
      SAAS,
      CALL,
      Expect.Success(Duration.ofSeconds(1)),
      2,
    ) {
      it.onCall(Fault.rateLimited().withRetryAfterSeconds(1))
    },
    Scenario(
      "429 with retry-after-ms 300, then success",
      SAAS,
      CALL,
      Expect.Success(Duration.ofMillis(300)),
      2,
    ) {
      it.onCall(Fault.rateLimited().withRetryAfterMs(300))
    },
    Scenario("429 with Retry-After as a date, then success", SAAS, CALL, Expect.Success(), 2) {
      it.onCall(Fault.rateLimited().withRetryAfterDate(it.clock().instant().plusSeconds(1)))
    },
    Scenario(
      "429 with remaining 0 until the reset, then success",
      SAAS,
      CALL,
      Expect.Success(),
      2,
    ) {
      it.onCall(Fault.rateLimited())
    },
    Scenario("503 once, then success", SAAS, CALL, Expect.Success(), 2) {
      it.onCall(Fault.status(503))
    },
    Scenario("connection dropped once, then success", SAAS, CALL, Expect.Success(), 2) {
      it.onCall(Fault.disconnectAfterRequest())
    },
    Scenario("200 labelled text/html", SAAS, CALL, Expect.Success(), 1) {
      it.onCall(Fault.wrongContentType("text/html"))
    },
    // ---- retried until the attempts run out ----
    Scenario("429 every time", SAAS, CALL, fails(RateLimitedException::class), 3) {
      // No window headers: a window that resets a minute later is the throttle's row, not this one.
      it.onCall(*Array(3) { Fault.detail(429, "Rate limit exceeded").withRetryAfterSeconds(1) })
    },
    Scenario(
      "500 plain-text Internal Server Error",
      SAAS,
      CALL,
      fails(InternalServerException::class),
      3,
    ) {
      it.onCall(*Array(3) { Bodies.plainText(500, "Internal Server Error") })
    },
    Scenario("500 truncated JSON", SAAS, CALL, fails(InternalServerException::class), 3) {
      it.onCall(*Array(3) { Fault.malformedJson(500) })
    },
    Scenario(
      "500 body of 8 MB: a bounded raw body",
      SAAS,
      CALL,
      fails(InternalServerException::class) { e ->
        e.rawBody().length shouldBeLessThanOrEqual 16 * 1024
      },
      3,
    ) {
      it.onCall(*Array(3) { Fault.hugeBody(500, 8) })
    },
    Scenario("503 with an empty body", SAAS, CALL, fails(ServiceUnavailableException::class), 3) {
      it.onCall(*Array(3) { Fault.emptyBody(503) })
    },
    Scenario("connection dropped every time", SAAS, CALL, fails(ConnectionException::class), 3) {
      it.onCall(*Array(3) { Fault.disconnectAfterRequest() })
    },
    Scenario(
      "answer cut after 20 bytes every time",
      SAAS,
      CALL,
      fails(ConnectionException::class),
      3,
    ) {
      it.onCall(*Array(3) { Fault.disconnectAfterBytes(20) })
    },
    Scenario(
      "headers held past the read timeout",
      SAAS,
      CALL,
      fails(CallTimeoutException::class),
      3,
      timesOut = true,
    ) {
      it.onCall(*Array(3) { Fault.delayHeaders(Matrix.STALL) })
    },
    Scenario(
      "no answer at all",
      SAAS,
      CALL,
      fails(CallTimeoutException::class),
      3,
      timesOut = true,
    ) {
      it.onCall(*Array(3) { Fault.noResponse() })
    },
    Scenario(
      "body stalls mid-way",
      SAAS,
      CALL,
      fails(CallTimeoutException::class),
      3,
      timesOut = true,
    ) {
      it.onCall(*Array(3) { Fault.stallBody(16, Matrix.STALL) })
    },
    // ---- every way a stream ends ----
    Scenario("stream ends with [DONE]", SAAS, STREAM, Expect.Success(), 1),
    Scenario(
      "stream with keepalives and no [DONE] (real server)",
      SAAS,
      STREAM,
      Expect.Success(),
      1,
      mode = REAL_SERVER,
    ),
    Scenario(
      "Anthropic chunks",
      SAAS,
      STREAM,
      Expect.Success(),
      1,
      mode = REAL_SERVER,
      model = "chat-claude",
    ),
    Scenario(
      "Gemini chunks",
      SAAS,
      STREAM,
      Expect.Success(),
      1,
      mode = REAL_SERVER,
      model = "chat-gemini",
    ),
    Scenario(
      "stream cut after 3 events keeps their text",
      SAAS,
      STREAM,
      fails(StreamInterruptedException::class) { e -> partialText(e) },
      1,
    ) {
      it.onStream(Fault.disconnectAfterEvents(3))
    },
    Scenario(
      "stream ends at EOF without a terminal signal",
      SAAS,
      STREAM,
      fails(StreamInterruptedException::class) { e ->
        (e as StreamInterruptedException).partialText() shouldBe "Hello"
      },
      1,
    ) {
      it.onStream(Bodies.sse(Bodies.chunk("Hel") + Bodies.chunk("lo")))
    },
    Scenario(
      "stream error event as a string (provider failure, real server)",
      SAAS,
      STREAM,
      fails(StreamErrorEventException::class),
      1,
      mode = REAL_SERVER,
      model = "chat-broken",
    ),
    Scenario(
      "stream error event as an object that echoes the key",
      SAAS,
      STREAM,
      fails(StreamErrorEventException::class) { e ->
        (e as StreamErrorEventException).partialText() shouldBe "Hi"
      },
      1,
    ) {
      it.onStream(
        Bodies.sse(
          Bodies.chunk("Hi") +
            "data: {\"error\":{\"message\":\"upstream refused ${Canary.saasKey}\"," +
            "\"type\":\"server_error\",\"code\":500}}\n\n"
        )
      )
    },
    Scenario("stream 503 before the first chunk, then success", SAAS, STREAM, Expect.Success(), 2) {
      it.onStream(Fault.status(503))
    },
    Scenario(
      "stream 401 before the first chunk",
      SAAS,
      STREAM,
      fails(AuthenticationException::class),
      1,
    ) {
      it.onStream(Fault.detail(401, "Invalid API key"))
    },
    Scenario(
      "stream stalls between chunks: idle timeout",
      SAAS,
      STREAM,
      fails(StreamInterruptedException::class) { e -> partialText(e) },
      1,
      timesOut = true,
    ) {
      it.onStream(
        Bodies.stalling(Bodies.chunk("Hel") + Bodies.chunk("lo", "stop") + "data: [DONE]\n\n")
      )
    },
  )
