package io.llmgateway.reliability.fuzz

import com.code_intelligence.jazzer.junit.FuzzTest
import io.llmgateway.error.ErrorClassifier
import io.llmgateway.error.ErrorDetails
import io.llmgateway.error.Provider
import io.llmgateway.internal.http.HeaderLookup
import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import okhttp3.Headers

/**
 * Fuzzes the error classifier and its body parser with any status, content type, headers and body
 * bytes: it must always answer with one of our typed errors, with a bounded raw body, and never
 * throw. Regression mode (the default, in `mvn verify`) replays the seed corpus in
 * src/test/resources/.../ErrorBodyFuzzTestInputs; see the module README for a long run.
 */
class ErrorBodyFuzzTest {
  private val classifier =
    ErrorClassifier(Clock.fixed(Instant.parse("2026-03-20T12:29:15Z"), ZoneOffset.UTC))

  @FuzzTest
  fun classifiesEveryAnswer(input: ByteArray) {
    val answer = ErrorAnswer(input)
    val headers = Headers.Builder()
    answer.headers.forEach { (name, value) -> headers.addUnsafeNonAscii(name, value) }
    for (provider in Provider.entries) {
      val error =
        classifier.classify(
          provider,
          answer.status,
          HeaderLookup.of(headers.build()),
          answer.body,
          answer.contentType,
        )
      check(error.status() == answer.status) { "status lost: ${error.status()}" }
      check(error.rawBody().length <= ErrorDetails.RAW_BODY_LIMIT * 2) {
        "raw body not bounded: ${error.rawBody().length}"
      }
      check(error.message!!.length <= 4_096) { "message not bounded: ${error.message!!.length}" }
      error.toString()
      error.isRetryable
      error.fieldErrors().forEach { it.toString() }
      error.rateLimit().toString()
    }
  }

  @FuzzTest
  fun classifiesEveryStreamErrorEvent(input: ByteArray) {
    val text = String(input, Charsets.UTF_8)
    val error = classifier.classifyStreamEvent(Provider.SAAS_LITELLM, text, "partial", 3)
    check(error.partialText() == "partial")
    check(error.rawBody().length <= ErrorDetails.RAW_BODY_LIMIT * 2)
    error.toString()
  }
}
