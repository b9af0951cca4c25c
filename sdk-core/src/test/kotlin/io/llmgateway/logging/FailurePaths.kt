package io.llmgateway.logging

import io.llmgateway.error.AuthenticationException
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.ConnectionException
import io.llmgateway.error.InternalServerException
import io.llmgateway.error.OtherServerException
import io.llmgateway.error.PermissionDeniedException
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.error.ValidationException
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import kotlin.reflect.KClass
import okhttp3.mockwebserver.MockResponse
import okio.Buffer

/** The key every canary request sends, and every failure path below echoes back. */
const val CANARY = "sk-canaryHttp7Qx2Lp9Zm4Vb8Kr3Ty6"

/** One way a call can fail: what the gateway answers on every attempt, what the caller gets. */
class FailurePath(
  val name: String,
  val expected: KClass<out Throwable>,
  val options: CallOptions = CallOptions.defaults(),
  val fault: Fault,
) {
  override fun toString() = name
}

private fun json(status: Int, body: String) =
  MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body)

// About 1 MB of "Invalid key <canary> ": the key lands on the 500-character, 8 KiB and 256 KiB
// cuts wherever they fall.
private fun hugeEcho(): MockResponse {
  val body = Buffer().writeUtf8("{\"detail\":\"")
  repeat(24_000) { body.writeUtf8("Invalid key $CANARY ") }
  return MockResponse()
    .setResponseCode(500)
    .setHeader("Content-Type", "application/json")
    .setBody(body.writeUtf8("\"}"))
}

val failurePaths =
  listOf(
    FailurePath("401 echoing the key in body and headers", AuthenticationException::class) {
      json(
          401,
          """{"error":{"message":"Incorrect API key provided: $CANARY","type":"invalid_request_error","code":"invalid_api_key","param":"$CANARY"}}""",
        )
        .setHeader("x-request-id", CANARY)
        .setHeader("WWW-Authenticate", "Bearer realm=\"$CANARY\"")
    },
    FailurePath("403 naming the key", PermissionDeniedException::class) {
      json(403, """{"detail":"API key $CANARY does not belong to team 'acme'"}""")
    },
    // {pad=..., api_key=<key>}: the input's 200-character cut falls 8 characters into the key.
    FailurePath("422 with the key in msg, loc and input", ValidationException::class) {
      json(
        422,
        """{"detail":[{"type":"string_type","loc":["body","$CANARY"],"msg":"Input $CANARY is not a model","input":{"pad":"${"a".repeat(177)}","api_key":"$CANARY"}}]}""",
      )
    },
    FailurePath(
      "429 with rate-limit headers and the key as request id",
      RateLimitedException::class,
    ) {
      json(
          429,
          """{"error":{"message":"Rate limit exceeded for $CANARY","type":"rate_limit_error","code":"rate_limit_exceeded"}}""",
        )
        .setHeader("retry-after-ms", "20")
        .setHeader("X-RateLimit-Limit-Requests", "60")
        .setHeader("X-RateLimit-Remaining-Requests", "5")
        .setHeader("X-RateLimit-Reset-Requests", it.now().plusSeconds(1).toString())
        .setHeader("x-request-id", CANARY)
    },
    FailurePath("500 quoting the Authorization header", InternalServerException::class) {
      json(
        500,
        """{"detail":"LLM call failed: 500: Failed to call provider API: OpenAI error: bad header Authorization: Bearer $CANARY"}""",
      )
    },
    FailurePath("503 with the key as code", ServiceUnavailableException::class) {
      json(503, """{"error":{"message":"overloaded","type":"server_error","code":"$CANARY"}}""")
        .setHeader("Retry-After", "1")
    },
    FailurePath("HTML 502 page quoting the key", OtherServerException::class) {
      MockResponse()
        .setResponseCode(502)
        .setHeader("Content-Type", "text/html")
        .setBody(
          "<html><head><title>502 Bad Gateway $CANARY</title></head><body><pre>Authorization: Bearer $CANARY</pre></body></html>"
        )
    },
    FailurePath("huge body repeating the key", InternalServerException::class) { hugeEcho() },
    FailurePath("truncated JSON echoing the key", InternalServerException::class) {
      json(
        500,
        """{"error":{"message":"Incorrect API key provided: $CANARY","type":"$CANARY","code":"$CANARY","pa""",
      )
    },
    FailurePath(
      "disconnect after the request",
      ConnectionException::class,
      fault = Fault.disconnectAfterRequest(),
    ),
    FailurePath(
      "no response until the attempt times out",
      CallTimeoutException::class,
      CallOptions.builder().attemptTimeout(Duration.ofMillis(250)).build(),
      Fault.noResponse(),
    ),
  )
