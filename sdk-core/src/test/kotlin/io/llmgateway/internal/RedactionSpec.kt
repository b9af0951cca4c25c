package io.llmgateway.internal

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.error.ErrorClassifier
import io.llmgateway.error.ErrorDetails
import io.llmgateway.error.Provider
import io.llmgateway.error.ThrottledException
import io.llmgateway.internal.http.HeaderLookup

class RedactionSpec :
  FunSpec({
    val key = "sk-live-9f8e7d6c5b4a3210ffee"

    test("sk- keys are masked wherever they appear") {
      Redaction.redact("key=$key, again $key") shouldBe "key=sk-[REDACTED], again sk-[REDACTED]"
    }

    test("Authorization values are masked whatever the key looks like") {
      Redaction.redact("Authorization: Bearer abcdef123456") shouldBe
        "Authorization: Bearer [REDACTED]"
      Redaction.redact("""{"authorization": "Token xyz987654"}""") shouldNotContain "xyz987654"
      Redaction.redact("sent bearer eyJhbGciOi.payload.sig") shouldNotContain "eyJhbGciOi"
    }

    test("the start of a key cut off at the end of a text is masked") {
      Redaction.redact("invalid key sk-live") shouldBe "invalid key sk-[REDACTED]"
      Redaction.redact("invalid key sk-li...") shouldBe "invalid key sk-[REDACTED]..."
      // in the middle of a text, a short sk- word is not a cut key
      Redaction.redact("the sk-li flag") shouldBe "the sk-li flag"
    }

    test("a key written JSON-escaped is masked too, in messages and raw bodies") {
      val escaped = key.replace("-", "\\u002d")
      Redaction.redact("key $escaped here") shouldBe "key sk-[REDACTED] here"
      Redaction.redact("\\u0073k\\u002Dlive9f8e7d6c") shouldBe "sk-[REDACTED]"
      val body = """{"detail": "Invalid API key: $escaped"}""".toByteArray()
      val error =
        ErrorClassifier.create()
          .classify(Provider.SAAS_LITELLM, 401, HeaderLookup { null }, body, "application/json")
      error.rawBody() shouldNotContain "9f8e7d6c5b4a3210ffee"
      error.serverMessage() shouldNotContain "9f8e7d6c5b4a3210ffee"
    }

    test("text without secrets is returned as is") {
      Redaction.redact("Team access is paused. Please contact support.") shouldBe
        "Team access is paused. Please contact support."
      Redaction.redact(null) shouldBe ""
    }

    test("a key echoed by the gateway never reaches the message, toString or raw body") {
      val body = """{"detail": "Invalid API key $key", "echo": "Authorization: Bearer $key"}"""
      val error =
        ErrorClassifier.create()
          .classify(
            Provider.SAAS_LITELLM,
            401,
            HeaderLookup.NONE,
            body.toByteArray(),
            "application/json",
          )
      listOf(error.message!!, error.toString(), error.rawBody(), error.serverMessage()).forEach {
        it shouldNotContain key
        it shouldNotContain "9f8e7d6c5b4a"
      }
      error.rawBody() shouldContain "sk-[REDACTED]"
    }

    test("messages given to local errors are redacted too") {
      val error = ThrottledException("no room for $key", ErrorDetails.of(Provider.HIVEOPS))
      error.message!! shouldNotContain key
    }
  })
