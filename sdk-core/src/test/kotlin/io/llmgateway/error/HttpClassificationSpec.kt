package io.llmgateway.error

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import java.net.ServerSocket
import java.util.concurrent.TimeUnit
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer
import okhttp3.mockwebserver.SocketPolicy
import okio.Buffer

/** Real responses and real socket failures over loopback, classified as a client would. */
class HttpClassificationSpec :
  FunSpec({
    val server = MockWebServer()
    val client = OkHttpClient.Builder().readTimeout(300, TimeUnit.MILLISECONDS).build()
    val classifier = ErrorClassifier.create()

    beforeSpec { server.start() }
    afterSpec {
      server.shutdown()
      client.dispatcher.executorService.shutdown()
      client.connectionPool.evictAll()
    }

    fun call(): okhttp3.Response =
      client.newCall(Request.Builder().url(server.url("/x")).build()).execute()

    test("a HiveOps 429 with headers read from the wire") {
      server.enqueue(
        MockResponse()
          .setResponseCode(429)
          .setHeader("Content-Type", "application/json")
          .setHeader("X-RateLimit-Limit-Requests", "60")
          .setHeader("X-RateLimit-Remaining-Requests", "0")
          .setHeader("X-RateLimit-Limit-Tokens", "150000")
          .setHeader("X-RateLimit-Remaining-Tokens", "145000")
          .setHeader("retry-after-ms", "250")
          .setHeader("x-request-id", "req_abc")
          .setBody(
            openAiError(
              "Rate limit exceeded. Please try again later.",
              "rate_limit_error",
              "rate_limit_exceeded",
            )
          )
      )
      val error = classifier.classify(Provider.HIVEOPS, call())
      error.shouldBeInstanceOf<RateLimitedException>()
      error.retryAfter()!!.toMillis() shouldBe 250
      error.rateLimit().remainingTokens() shouldBe 145000L
      error.requestId() shouldBe "req_abc"
    }

    test("a body of 6 MB is read only up to the limit") {
      val huge = Buffer().apply { repeat(6 * 1024) { writeUtf8("y".repeat(1024)) } }
      server.enqueue(MockResponse().setResponseCode(500).setBody(huge))
      val error = classifier.classify(Provider.SAAS_LITELLM, call())
      error.shouldBeInstanceOf<InternalServerException>()
      error.rawBody().length shouldBeLessThanOrEqual ErrorDetails.RAW_BODY_LIMIT
    }

    test("a body cut mid-way still gives the status's type") {
      server.enqueue(
        MockResponse()
          .setResponseCode(503)
          .setBody(detail("Service unavailable") + " ".repeat(64 * 1024))
          .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY)
      )
      classifier
        .classify(Provider.SAAS_LITELLM, call())
        .shouldBeInstanceOf<ServiceUnavailableException>()
    }

    test("no response before the read timeout is a retryable read timeout") {
      server.enqueue(MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE))
      val failure = runCatching { call() }.exceptionOrNull()!!
      val error = classifier.classify(Provider.HIVEOPS, failure)
      error.shouldBeInstanceOf<CallTimeoutException>().kind() shouldBe
        CallTimeoutException.Kind.READ
      error.isRetryable shouldBe true
    }

    test("a refused connection is a retryable connection failure") {
      val port = ServerSocket(0).use { it.localPort }
      val failure =
        runCatching {
          client.newCall(Request.Builder().url("http://127.0.0.1:$port/").build()).execute()
        }
          .exceptionOrNull()!!
      val error = classifier.classify(Provider.SAAS_LITELLM, failure)
      error.shouldBeInstanceOf<ConnectionException>()
      error.isRetryable shouldBe true
      error.status() shouldBe null
    }

    test("a disconnect after the request is a retryable connection failure") {
      server.enqueue(MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST))
      val failure = runCatching { call() }.exceptionOrNull()!!
      classifier
        .classify(Provider.SAAS_LITELLM, failure)
        .shouldBeInstanceOf<ConnectionException>()
        .isRetryable shouldBe true
    }
  })
