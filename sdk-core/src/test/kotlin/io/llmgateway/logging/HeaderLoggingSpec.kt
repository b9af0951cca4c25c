package io.llmgateway.logging

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.internal.http.HeaderLoggingInterceptor
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer
import org.slf4j.event.Level

class HeaderLoggingSpec :
  FunSpec({
    val key = "sk-header-logging-canary-0123456789abcdef"

    test("each attempt's headers are logged at DEBUG as they went on the wire, key redacted") {
      MockWebServer().use { server ->
        server.enqueue(
          MockResponse()
            .setBody("{}")
            .addHeader("X-Request-Id", "srv-7")
            .addHeader("X-RateLimit-Remaining-Requests", "59")
        )
        val log = CapturingLogger()
        val http =
          OkHttpClient.Builder()
            .addNetworkInterceptor(
              HeaderLoggingInterceptor(CallLogger.of(log, HeaderAllowList.ofDefaults()))
            )
            .build()
        val request =
          Request.Builder()
            .url(server.url("/api/jobs/create"))
            .header("Authorization", "Bearer $key")
            .header("X-Client-Request-Id", "req-42")
            .build()
        http.newCall(request).execute().use { it.code shouldBe 200 }

        val lines = log.all()
        lines shouldHaveSize 2
        lines.forEach {
          it.level shouldBe Level.DEBUG
          it.keyValues["requestId"] shouldBe "req-42"
          it.text() shouldNotContain key
        }
        lines[0].message shouldContain "GET /api/jobs/create headers:"
        lines[0].message shouldContain "Authorization: REDACTED"
        lines[0].message shouldContain "Host: REDACTED" // not on the allow-list: value hidden
        lines[1].message shouldContain "response 200 headers:"
        lines[1].message shouldContain "X-Request-Id: srv-7"
        lines[1].message shouldContain "X-RateLimit-Remaining-Requests: 59"
        http.dispatcher.executorService.shutdown()
        http.connectionPool.evictAll()
      }
    }

    test("with DEBUG off nothing is formatted or logged") {
      MockWebServer().use { server ->
        server.enqueue(MockResponse().setBody("{}"))
        val log = CapturingLogger(debug = false)
        val http =
          OkHttpClient.Builder()
            .addNetworkInterceptor(
              HeaderLoggingInterceptor(CallLogger.of(log, HeaderAllowList.ofDefaults()))
            )
            .build()
        http.newCall(Request.Builder().url(server.url("/")).build()).execute().close()
        log.all() shouldHaveSize 0
        http.connectionPool.evictAll()
      }
    }
  })
