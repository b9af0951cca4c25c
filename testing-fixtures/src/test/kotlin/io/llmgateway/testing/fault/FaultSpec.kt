package io.llmgateway.testing.fault

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.testing.ACME
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.HIVE
import io.llmgateway.testing.Http
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.kotest.FakeGatewayListener
import java.io.IOException
import java.net.SocketTimeoutException
import java.time.Duration
import java.time.Instant
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import okhttp3.mockwebserver.SocketPolicy

private const val LLAMA = "llama3:8b-instruct-q8_0"

class FaultSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    fun hive(readTimeoutMillis: Long = 5_000) = Http(fake.gateway.url(), HIVE, readTimeoutMillis)
    fun saas() = Http(fake.gateway.url(), ACME)
    fun faults() = fake.gateway.faults()

    test("a sequence answers 429, 429, then lets the real personality through") {
      faults()
        .on("POST", "/chat/completions")
        .next(Fault.rateLimited().withRetryAfterSeconds(1))
        .next(Fault.rateLimited())
        .thenPass()
      val statuses = (1..3).map { hive().post("/chat/completions", chatBody(LLAMA)).status }
      statuses shouldBe listOf(429, 429, 200)
      fake.gateway.state().hiveOpsKey(HIVE).totalRequests() shouldBe 1 // faults never reached it
      fake.gateway.requests().size shouldBe 3 // but every request is recorded
    }

    test("rateLimited speaks the path's dialect and says 0 remaining") {
      faults().onAny("/**").times(2, Fault.rateLimited())
      val hiveReply = hive().post("/chat/completions", chatBody(LLAMA))
      hiveReply.body shouldBe
        """{"error":{"message":"Rate limit exceeded. Please try again later.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}"""
      hiveReply.header("X-RateLimit-Remaining-Requests") shouldBe "0"
      hiveReply.header("X-RateLimit-Reset-Requests") shouldBe "2026-03-20T12:30:00Z"
      hiveReply.header("X-RateLimit-Remaining-Tokens") shouldBe "0"
      saas().get("/api/credits/teams/acme/balance").body shouldBe
        """{"detail":"Rate limit exceeded"}"""
    }

    test(
      "times(n) fails n requests with a generic status in the path's dialect (SaaS: the guide's texts)"
    ) {
      faults().on("GET", "/api/credits/teams/*/balance").times(2, Fault.status(503))
      saas().get("/api/credits/teams/acme/balance").body shouldBe
        """{"detail":"Service Unavailable"}"""
      saas().get("/api/credits/teams/acme/balance").status shouldBe 503
      saas().get("/api/credits/teams/acme/balance").status shouldBe 200
      faults().on("GET", "/health").next(Fault.status(500)).next(Fault.status(429))
      saas().get("/health").body shouldBe """{"detail":"Internal server error"}""" // the guide's
      saas().get("/health").body shouldBe """{"detail":"Rate limit exceeded"}"""
      faults().on("GET", "/models").next(Fault.status(500))
      hive().get("/models").body shouldBe
        """{"error":{"message":"Internal Server Error","type":"server_error","param":null,"code":null}}"""
    }

    test("patterns match one segment with * and never the query; methods must match") {
      faults().on("POST", "/api/jobs/*/llm-call").thenAlways(Fault.detail(500, "boom"))
      val id = saas().post("/api/jobs/create", createJobBody()).field("job_id")
      saas().post("/api/jobs/$id/llm-call?x=1", chatBody("chat-fast")).body shouldBe
        """{"detail":"boom"}"""
      saas().post("/api/jobs/$id/llm-call-stream", chatBody("chat-fast")).status shouldBe 200
      saas().get("/api/jobs/$id").status shouldBe 200
      saas().post("/api/jobs/$id/llm-call", chatBody("chat-fast")).status shouldBe 500
    }

    test("raw bodies in either dialect") {
      faults()
        .onAny("/chat/completions")
        .next(Fault.openAiError(503, "Overloaded", "server_error", "overloaded"))
        .next(Fault.status(418, """{"teapot":true}"""))
      hive().post("/chat/completions", chatBody(LLAMA)).body shouldBe
        """{"error":{"message":"Overloaded","type":"server_error","param":null,"code":"overloaded"}}"""
      hive().post("/chat/completions", chatBody(LLAMA)).body shouldBe """{"teapot":true}"""
    }

    test("Retry-After as seconds, as an HTTP date, and as retry-after-ms") {
      faults()
        .onAny("/models")
        .next(Fault.status(503).withRetryAfterSeconds(7))
        .next(Fault.status(503).withRetryAfterDate(Instant.parse("2026-03-20T12:30:00Z")))
        .next(Fault.status(429).withRetryAfterMs(1500))
      hive().get("/models").header("Retry-After") shouldBe "7"
      hive().get("/models").header("Retry-After") shouldBe "Fri, 20 Mar 2026 12:30:00 GMT"
      hive().get("/models").header("retry-after-ms") shouldBe "1500"
    }

    test("malformed JSON, an empty body and a body of many megabytes") {
      faults()
        .onAny("/models")
        .next(Fault.malformedJson(500))
        .next(Fault.emptyBody(503))
        .next(Fault.hugeBody(500, 5))
      hive().get("/models").body shouldBe "{\"detail\": \"Rate limit exc"
      val empty = hive().get("/models")
      empty.status shouldBe 503
      empty.body shouldBe ""
      hive().get("/models").body.length shouldBe 5 * 1024 * 1024 + 13
    }

    test("nginx's 502 page, byte for byte, as text/html") {
      faults().onAny("/**").next(Fault.nginxBadGateway())
      val reply = hive().get("/models")
      reply.status shouldBe 502
      reply.header("Content-Type") shouldBe "text/html"
      reply.header("Server") shouldBe "nginx"
      reply.body shouldBe
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" +
          "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    }

    test("a wrong content type keeps the real answer and its state change") {
      faults().on("POST", "/api/jobs/create").next(Fault.wrongContentType("text/html"))
      val reply = saas().post("/api/jobs/create", createJobBody())
      reply.header("Content-Type") shouldBe "text/html"
      reply.body shouldStartWith """{"job_id":"""
      fake.gateway.state().jobs().size shouldBe 1
    }

    test("a delay before headers trips the client's read timeout") {
      faults().onAny("/models").next(Fault.delayHeaders(Duration.ofMillis(1_000)))
      shouldThrow<SocketTimeoutException> { hive(readTimeoutMillis = 100).get("/models") }
    }

    test("no response at all trips the read timeout") {
      faults().onAny("/models").next(Fault.noResponse())
      shouldThrow<SocketTimeoutException> { hive(readTimeoutMillis = 100).get("/models") }
    }

    test("a stall mid-body comes after the status line") {
      faults().onAny("/models").next(Fault.stallBody(200, Duration.ofMillis(1_000)))
      val http = hive(readTimeoutMillis = 100)
      val request =
        Request.Builder()
          .url(fake.gateway.url() + "/models")
          .header("Authorization", "Bearer $HIVE")
          .build()
      http.client.newCall(request).execute().use { response ->
        response.code shouldBe 200
        shouldThrow<SocketTimeoutException> { response.body!!.string() }
      }
    }

    test("a disconnect right after the request fails the call") {
      faults().onAny("/models").next(Fault.disconnectAfterRequest())
      shouldThrow<IOException> { hive().get("/models") }
    }

    test("a disconnect after N bytes cuts a JSON body short") {
      faults().onAny("/models").next(Fault.disconnectAfterBytes(10))
      val error = shouldThrow<IOException> { hive().get("/models") }
      error.message shouldContain "unexpected end of stream"
    }

    test("MockWebServer's own mid-body disconnect is available too") {
      faults().onAny("/models").next(Fault.disconnectDuringBody())
      shouldThrow<IOException> { hive().get("/models") }
    }

    test("a disconnect after N events delivers exactly N data events, then an error") {
      faults().on("POST", "/chat/completions").next(Fault.disconnectAfterEvents(2))
      val body =
        chatBody(LLAMA, extra = ""","stream":true""")
          .toRequestBody("application/json".toMediaType())
      val request =
        Request.Builder()
          .url(fake.gateway.url() + "/chat/completions")
          .header("Authorization", "Bearer $HIVE")
          .post(body)
          .build()
      val events = mutableListOf<String>()
      val failure = runCatching {
        hive().client.newCall(request).execute().use { response ->
          val source = response.body!!.source()
          while (true) {
            val line = source.readUtf8Line() ?: break
            if (line.startsWith("data: ")) events += line
          }
        }
      }
        .exceptionOrNull()
      events.size shouldBe 2
      failure.shouldBeInstanceOf<IOException>()
    }

    test("the real SaaS stream can be cut after its keepalive and first chunk") {
      val gw = fake.gateway
      gw
        .faults()
        .on("POST", "/api/jobs/create-and-call-stream")
        .next(Fault.disconnectAfterEvents(1))
      val single =
        """{"team_id":"acme","job_type":"s","model":"chat-fast","messages":[{"role":"user","content":"hi"}]}"""
      shouldThrow<IOException> { saas().post("/api/jobs/create-and-call-stream", single) }
      // The real personality ran: the job exists, as it would on the server.
      gw.state().jobs().size shouldBe 1
    }

    test("a cut stream ends right after its last chunk, as a dying server's does") {
      faults().on("POST", "/chat/completions").next(Fault.disconnectAfterEvents(2))
      val json = chatBody(LLAMA, extra = ""","stream":true""")
      val raw =
        java.net.Socket("127.0.0.1", fake.gateway.port()).use { socket ->
          socket.getOutputStream().apply {
            write(
              ("POST /chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $HIVE\r\n" +
                  "Content-Type: application/json\r\nContent-Length: ${json.length}\r\n\r\n$json")
                .toByteArray()
            )
            flush()
          }
          socket.getInputStream().readBytes().toString(Charsets.UTF_8) // until the server's FIN
        }
      // The second event's chunk, then nothing: no terminating chunk, no trailer CRLF that a
      // strict parser (Node's) would read as a broken chunk size, losing the events before it.
      raw.endsWith("\n\n\r\n") shouldBe true
      raw.endsWith("\r\n\r\n") shouldBe false
      raw.split("data: ").size shouldBe 3
    }

    test("a request lost on the way never reaches the personality") {
      faults().on("POST", "/api/jobs/create").next(Fault.disconnectAfterRequest())
      shouldThrow<IOException> { saas().post("/api/jobs/create", createJobBody()) }
      fake.gateway.state().jobs().size shouldBe 0
    }

    test("a complete that times out may still have charged: processed, answer never sent") {
      val gw = FakeGateway.builder().mode(SaasMode.REAL_SERVER).start()
      gw.use {
        val http = Http(gw.url(), ACME, readTimeoutMillis = 100)
        val id = http.post("/api/jobs/create", createJobBody()).field("job_id")
        gw
          .faults()
          .on("POST", "/api/jobs/*/complete")
          .next(Fault.socketPolicy(SocketPolicy.NO_RESPONSE))
        shouldThrow<SocketTimeoutException> {
          http.post("/api/jobs/$id/complete", """{"status":"completed"}""")
        }
        gw.state().job(id).creditApplied() shouldBe true
        gw.state().team("acme").creditsUsed() shouldBe 1
      }
    }

    test("reset removes every rule") {
      faults().onAny("/models").thenAlways(Fault.status(500))
      faults().reset()
      hive().get("/models").status shouldBe 200
    }
  })
