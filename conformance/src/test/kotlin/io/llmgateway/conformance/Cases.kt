package io.llmgateway.conformance

import io.kotest.assertions.withClue
import io.kotest.matchers.shouldBe

const val LLAMA = "llama3:8b-instruct-q8_0"
const val HIVE_KEY = "sk-fake-hive"

/** Chat parameters for the fake's deterministic model: one user message. */
fun params(text: String = "hello there", vararg extra: Pair<String, Any?>): Map<String, Any?> =
  mapOf("model" to LLAMA, "messages" to listOf(mapOf("role" to "user", "content" to text))) + extra

/** A case for `driver.mjs`: which client call, against which base URL, with what. */
fun case(call: String, baseUrl: String, vararg fields: Pair<String, Any?>): Map<String, Any?> =
  mapOf("call" to call, "baseURL" to baseUrl) + fields

fun chat(baseUrl: String, vararg fields: Pair<String, Any?>): Map<String, Any?> =
  mapOf("params" to params()) + case("chat", baseUrl, *fields)

/** What the client's error reports, in the order a reader checks it. */
data class Reported(
  val errorClass: String,
  val status: Long?,
  val code: String?,
  val type: String?,
  val param: String?,
)

fun reported(report: Map<String, Any?>) =
  Reported(
    report["errorClass"] as String,
    report["status"] as Long?,
    report["code"] as String?,
    report["type"] as String?,
    report["param"] as String?,
  )

/** The client failed as expected, and its error carries a request id exactly when `withId`. */
fun Map<String, Any?>.shouldReport(expected: Reported, withId: Boolean = true) {
  withClue(this) {
    this["ok"] shouldBe false
    reported(this) shouldBe expected
    (this["requestId"] != null) shouldBe withId
  }
}
