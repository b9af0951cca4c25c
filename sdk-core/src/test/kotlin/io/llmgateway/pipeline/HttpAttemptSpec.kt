package io.llmgateway.pipeline

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.error.ErrorDetails
import io.llmgateway.error.Provider
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.internal.call.AttemptContext
import io.llmgateway.internal.call.CallContext
import io.llmgateway.internal.http.HeaderLookup
import io.llmgateway.internal.http.ServerHints
import io.llmgateway.metrics.Throttled
import io.llmgateway.ratelimit.RateLimitSnapshot
import java.time.Duration
import java.util.concurrent.TimeUnit
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer

/** A minimal attempt over real HTTP: sends the request id, applies the timeout, reports headers. */
private fun httpAttempt(client: OkHttpClient, server: MockWebServer, clock: FakeClock) =
  { ctx: AttemptContext ->
    val request =
      Request.Builder()
        .url(server.url("/v1/models"))
        .header(CallContext.REQUEST_ID_HEADER, ctx.requestId())
        .build()
    val call = client.newCall(request)
    call.timeout().timeout(ctx.timeout().toMillis(), TimeUnit.MILLISECONDS)
    call.execute().use { response ->
      val headers = HeaderLookup.of(response.headers)
      val snapshot = RateLimitSnapshot.parse(headers, clock.instant())
      if (response.code == 503) {
        throw ServiceUnavailableException(
          "HTTP 503 unavailable [hiveops]",
          ErrorDetails.builder(Provider.HIVEOPS)
            .status(503)
            .retryAfter(ServerHints.retryAfter(headers, snapshot, clock.instant()))
            .rateLimit(snapshot)
            .build(),
        )
      }
      ctx.observe(snapshot)
      response.body!!.string()
    }
  }

class HttpAttemptSpec :
  FunSpec({
    val client = OkHttpClient.Builder().retryOnConnectionFailure(false).build()

    test("over HTTP: one request id on every attempt, Retry-After honoured, headers throttle") {
      MockWebServer().use { server ->
        val h = Harness()
        val reset = h.clock.instant().plusSeconds(30)
        server.enqueue(MockResponse().setResponseCode(503).setHeader("Retry-After", "2"))
        server.enqueue(
          MockResponse()
            .setBody("""{"data":[]}""")
            .setHeader("X-RateLimit-Limit-Requests", "60")
            .setHeader("X-RateLimit-Remaining-Requests", "0")
            .setHeader("X-RateLimit-Reset-Requests", reset.toString())
        )
        server.enqueue(MockResponse().setBody("second"))

        h.run(Endpoint.MODELS, attempt = httpAttempt(client, server, h.clock)) shouldBe
          """{"data":[]}"""
        val first = server.takeRequest().getHeader("X-Client-Request-Id")
        val second = server.takeRequest().getHeader("X-Client-Request-Id")
        first shouldBe second
        (first!!.length) shouldBe 36 // a UUID
        h.sleeper.sleeps shouldBe listOf(Duration.ofSeconds(2))

        // the window is spent: the next call waits for the reset instead of drawing a 429
        h.run(Endpoint.MODELS, attempt = httpAttempt(client, server, h.clock)) shouldBe "second"
        h.eventsOf<Throttled>().single().delay() shouldBe Duration.ofSeconds(28)
        server.takeRequest().getHeader("X-Client-Request-Id") shouldBe
          h.eventsOf<io.llmgateway.metrics.CallStarted>().last().requestId()
      }
    }
  })
