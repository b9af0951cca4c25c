package io.llmgateway.logging

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.pipeline.Errors
import io.llmgateway.pipeline.Harness
import okhttp3.Headers
import org.slf4j.event.Level

class CallLoggerSpec :
  FunSpec({
    test("logs attempts, retries and failures with structured key-values") {
      val log = CapturingLogger()
      val h =
        Harness(
          configure = { logger(CallLogger.of(log, HeaderAllowList.ofDefaults())).logging(true) }
        )
      shouldThrow<LlmGatewayException> {
        h.run(options = CallOptions.builder().requestId("req-1").build()) {
          throw Errors.rateLimited()
        }
      }
      val retry = log.all().first { it.message == "retry scheduled" }
      retry.level shouldBe Level.INFO
      retry.keyValues["requestId"] shouldBe "req-1"
      retry.keyValues["attempt"] shouldBe 1
      retry.keyValues["endpoint"] shouldBe "chat.completions"
      retry.keyValues["provider"] shouldBe "hiveops"
      retry.keyValues["errorType"] shouldBe "RateLimitedException"
      retry.keyValues["waitMs"] shouldBe 1000L
      val failed = log.all().first { it.message.startsWith("call failed") }
      failed.level shouldBe Level.WARN
      failed.keyValues["status"] shouldBe 429
      failed.keyValues["attempts"] shouldBe 3
    }

    test("headers are logged by allow-list; everything else is REDACTED") {
      val log = CapturingLogger()
      val headers =
        Headers.headersOf(
          "Authorization",
          "Bearer abc.def-123456789",
          "Content-Type",
          "application/json",
          "X-Api-Key",
          "secret-value",
          "X-RateLimit-Remaining-Requests",
          "59",
        )
      CallLogger.of(log, HeaderAllowList.ofDefaults()).logHeaders("req-1", "request", headers)
      val text = log.all().single().message
      text shouldContain "Content-Type: application/json"
      text shouldContain "X-RateLimit-Remaining-Requests: 59"
      text shouldContain "Authorization: REDACTED"
      text shouldContain "X-Api-Key: REDACTED"
      text shouldNotContain "abc.def"
      text shouldNotContain "secret-value"
    }

    test("Authorization can never be allowed") {
      HeaderAllowList.of(listOf("Authorization", "X-Trace")).isAllowed("authorization") shouldBe
        false
      HeaderAllowList.ofDefaults().plus(listOf("x-trace")).isAllowed("X-Trace") shouldBe true
    }
  })
