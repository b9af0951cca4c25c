package io.llmgateway.error

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.string.shouldNotContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.byte
import io.kotest.property.arbitrary.byteArray
import io.kotest.property.arbitrary.choice
import io.kotest.property.arbitrary.element
import io.kotest.property.arbitrary.int
import io.kotest.property.arbitrary.list
import io.kotest.property.arbitrary.map
import io.kotest.property.arbitrary.orNull
import io.kotest.property.arbitrary.pair
import io.kotest.property.arbitrary.string
import io.kotest.property.checkAll
import io.llmgateway.internal.http.HeaderLookup
import io.llmgateway.ratelimit.RateLimitSnapshot
import java.time.Instant

/**
 * Arbitrary bytes, JSON-ish fragments and headers never escape the classifier as anything but our
 * types, and a key planted in them never shows.
 */
class ClassifierPropertySpec :
  FunSpec({
    val canary = "sk-canary0123456789abcdef"
    val fragments =
      listOf(
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"detail\"",
        "\"error\"",
        "\"message\"",
        "\"code\"",
        "\"type\"",
        "\"loc\"",
        "\"msg\"",
        "\"input\"",
        "null",
        "429",
        "1e999",
        "-0.0",
        "true",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"Invalid model 'x' specified\"",
        "\"insufficient_balance\"",
        "\"$canary\"",
        "\"Bearer $canary\"",
        "<html>",
        "<title>",
        "</title>",
        "\n",
        "\\",
        "\"",
      )
    val jsonish = Arb.list(Arb.element(fragments), 0..60).map { it.joinToString("").toByteArray() }
    val rawBytes = Arb.byteArray(Arb.int(0..4096), Arb.byte())
    val bodies = Arb.choice(jsonish, rawBytes)
    val headerNames =
      Arb.element(
        "Retry-After",
        "retry-after-ms",
        "X-RateLimit-Reset-Requests",
        "X-RateLimit-Remaining-Requests",
        "X-RateLimit-Limit-Tokens",
        "X-RateLimit-Reset-Tokens",
        "x-request-id",
        "Content-Type",
      )
    val headerValues =
      Arb.choice(
        Arb.string(0..40),
        Arb.element(
          "0",
          "-1",
          "1e9",
          "NaN",
          "6m0s",
          "99999999999999999999",
          "Fri, 20 Mar 2026 12:29:10 GMT",
          "2026-03-20T12:30:00Z",
        ),
      )
    val headers = Arb.list(Arb.pair(headerNames, headerValues), 0..6)

    test("any status, body and headers give one of our types") {
      checkAll(
        PropTestConfig(iterations = 3000),
        Arb.int(-5..1005),
        bodies,
        headers,
        Arb.string(0..20).orNull(),
      ) { status, body, hs, contentType ->
        val lookup = HeaderLookup.of(hs.groupBy({ it.first }, { it.second }))
        val error =
          ErrorClassifier.create().classify(Provider.HIVEOPS, status, lookup, body, contentType)
        error.shouldBeInstanceOf<LlmGatewayException>()
        error.message!! shouldNotContain canary
        error.toString() shouldNotContain canary
        error.rawBody() shouldNotContain canary
        error.fieldErrors().forEach {
          it.toString() shouldNotContain canary
          (it.input() ?: "") shouldNotContain canary
        }
      }
    }

    test("stream events of any shape give a stream error event") {
      checkAll(PropTestConfig(iterations = 1000), jsonish) { body ->
        ErrorClassifier.create()
          .classifyStreamEvent(Provider.SAAS_LITELLM, String(body), "partial", 1)
          .shouldBeInstanceOf<StreamErrorEventException>()
      }
    }

    test("a header lookup that throws is contained") {
      checkAll(PropTestConfig(iterations = 50), Arb.int(400..599)) { status ->
        val hostile = HeaderLookup { throw IllegalStateException("broken headers") }
        ErrorClassifier.create()
          .classify(Provider.OPENAI_COMPATIBLE, status, hostile, ByteArray(0), null)
          .shouldBeInstanceOf<ApiException>()
      }
    }

    test("rate-limit parsing never throws on arbitrary values") {
      checkAll(PropTestConfig(iterations = 2000), headers) { hs ->
        RateLimitSnapshot.parse(
          HeaderLookup.of(hs.groupBy({ it.first }, { it.second })),
          Instant.EPOCH,
        )
      }
    }
  })
