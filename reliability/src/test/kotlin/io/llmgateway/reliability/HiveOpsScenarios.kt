package io.llmgateway.reliability

import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotBeEmpty
import io.llmgateway.error.AuthenticationException
import io.llmgateway.error.BadRequestException
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.ConnectionException
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.InternalServerException
import io.llmgateway.error.InvalidModelException
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.error.OtherServerException
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.error.StreamErrorEventException
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.reliability.Gateway.HIVEOPS
import io.llmgateway.reliability.Shape.CALL
import io.llmgateway.reliability.Shape.STREAM
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import kotlin.reflect.KClass

private fun FakeGateway.onChat(vararg faults: Fault) {
  val rule = faults().on("POST", "**/chat/completions")
  faults.forEach { rule.next(it) }
}

private fun fails(
  type: KClass<out LlmGatewayException>,
  check: (LlmGatewayException) -> Unit = {},
) = Expect.Failure(type, check)

private fun balance(message: String, status: Int = 403) =
  Fault.openAiError(status, message, "insufficient_balance", "insufficient_balance")

/** A 429 without window headers, asking for [millis] ms. */
private fun rateLimitedFor(millis: Long) =
  Fault.openAiError(
      429,
      "Rate limit exceeded. Please try again later.",
      "rate_limit_error",
      "rate_limit_exceeded",
    )
    .withRetryAfterMs(millis)

/** The HiveOps rows: the guide's bodies, the OpenAI shapes, the faults, every stream ending. */
val hiveOpsScenarios: List<Scenario> =
  listOf(
    Scenario(
      "401 invalid_api_key that echoes the key",
      HIVEOPS,
      CALL,
      fails(AuthenticationException::class),
      1,
    ) {
      it.onChat(
        Fault.openAiError(
          401,
          "Incorrect API key provided: ${Canary.hiveKey}",
          "invalid_request_error",
          "invalid_api_key",
        )
      )
    },
    Scenario(
      "403 insufficient_balance",
      HIVEOPS,
      CALL,
      fails(InsufficientCreditsException::class),
      1,
    ) {
      it.onChat(balance("Insufficient balance. Please add funds to your account."))
    },
    Scenario(
      "insufficient balance sent as a 429: never retried",
      HIVEOPS,
      CALL,
      fails(InsufficientCreditsException::class),
      1,
    ) {
      it.onChat(balance("You exceeded your current quota", status = 429))
    },
    Scenario(
      "400 invalid model (the fake's own answer) lists the valid ids",
      HIVEOPS,
      CALL,
      fails(InvalidModelException::class) { e ->
        (e as InvalidModelException).validModels() shouldContain "llama3:8b-instruct-q8_0"
      },
      1,
      model = "no-such-model",
    ),
    Scenario("400 without a code", HIVEOPS, CALL, fails(BadRequestException::class), 1) {
      it.onChat(
        Fault.openAiError(400, "Missing required parameters", "invalid_request_error", null)
      )
    },
    Scenario("502 nginx HTML page", HIVEOPS, CALL, fails(OtherServerException::class), 1) {
      it.onChat(Fault.nginxBadGateway())
    },
    Scenario(
      "429 with retry-after-ms 250, then success",
      HIVEOPS,
      CALL,
      Expect.Success(Duration.ofMillis(250)),
      2,
    ) {
      it.onChat(Fault.rateLimited().withRetryAfterMs(250))
    },
    Scenario("503 once, then success", HIVEOPS, CALL, Expect.Success(), 2) {
      it.onChat(Fault.status(503))
    },
    Scenario(
      "429 five times: the HiveOps default gives up after 5",
      HIVEOPS,
      CALL,
      fails(RateLimitedException::class) { e -> e.retryAfter() shouldBe Duration.ofMillis(100) },
      5,
    ) {
      it.onChat(*Array(5) { rateLimitedFor(100) })
    },
    Scenario("500 three times", HIVEOPS, CALL, fails(InternalServerException::class), 3) {
      it.onChat(*Array(3) { Fault.openAiError(500, "Internal server error", "server_error", null) })
    },
    Scenario(
      "500 plain text three times",
      HIVEOPS,
      CALL,
      fails(InternalServerException::class),
      3,
    ) {
      it.onChat(*Array(3) { Bodies.plainText(500, "Internal Server Error") })
    },
    Scenario(
      "503 empty body three times",
      HIVEOPS,
      CALL,
      fails(ServiceUnavailableException::class),
      3,
    ) {
      it.onChat(*Array(3) { Fault.emptyBody(503) })
    },
    Scenario("connection dropped every time", HIVEOPS, CALL, fails(ConnectionException::class), 3) {
      it.onChat(*Array(3) { Fault.disconnectAfterRequest() })
    },
    Scenario(
      "headers held past the read timeout",
      HIVEOPS,
      CALL,
      fails(CallTimeoutException::class),
      3,
      timesOut = true,
    ) {
      it.onChat(*Array(3) { Fault.delayHeaders(Matrix.STALL) })
    },
    Scenario(
      "stream ends with a finish reason, usage and [DONE]",
      HIVEOPS,
      STREAM,
      Expect.Success(),
      1,
    ),
    Scenario(
      "stream cut after 3 events keeps their text",
      HIVEOPS,
      STREAM,
      fails(StreamInterruptedException::class) { e ->
        (e as StreamInterruptedException).partialText().shouldNotBeEmpty()
      },
      1,
    ) {
      it.onChat(Fault.disconnectAfterEvents(3))
    },
    Scenario(
      "stream ends at EOF without a finish reason",
      HIVEOPS,
      STREAM,
      fails(StreamInterruptedException::class) { e ->
        (e as StreamInterruptedException).partialText() shouldBe "Hello"
      },
      1,
    ) {
      it.onChat(Bodies.sse(Bodies.chunk("Hel") + Bodies.chunk("lo")))
    },
    Scenario(
      "stream error event that echoes the key",
      HIVEOPS,
      STREAM,
      fails(StreamErrorEventException::class),
      1,
    ) {
      it.onChat(
        Bodies.sse(
          Bodies.chunk("Hi") +
            "data: {\"error\":{\"message\":\"key ${Canary.hiveKey} rejected\"," +
            "\"type\":\"server_error\",\"code\":\"upstream_error\"}}\n\n"
        )
      )
    },
    Scenario(
      "stream 503 before the first chunk, then success",
      HIVEOPS,
      STREAM,
      Expect.Success(),
      2,
    ) {
      it.onChat(Fault.status(503))
    },
  )
