package io.llmgateway.error

import io.llmgateway.internal.http.HeaderLookup
import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import kotlin.reflect.KClass

/**
 * One row of the classification table: what arrived, and what the SDK must make of it. The body is
 * text sent as UTF-8, unless [bytes] gives the exact bytes (to send bytes that are not UTF-8).
 */
class ClassificationCase(
  val name: String,
  val provider: Provider,
  val status: Int,
  val body: String,
  val expected: KClass<out LlmGatewayException>,
  val retryable: Boolean,
  val headers: Map<String, String> = emptyMap(),
  val contentType: String? = "application/json",
  val check: (LlmGatewayException) -> Unit = {},
  val bytes: ByteArray? = null,
) {
  override fun toString(): String = name

  fun classify(classifier: ErrorClassifier = CLASSIFIER): LlmGatewayException =
    classifier.classify(
      provider,
      status,
      HeaderLookup.of(headers.mapValues { listOf(it.value) }),
      bytes ?: body.toByteArray(),
      contentType,
    )

  /** This row with the exact body [bytes] instead of its text. */
  fun withBytes(bytes: ByteArray) =
    ClassificationCase(
      name,
      provider,
      status,
      body,
      expected,
      retryable,
      headers,
      contentType,
      check,
      bytes,
    )

  companion object {
    val NOW: Instant = Instant.parse("2026-03-20T12:29:00Z")
    val CLASSIFIER = ErrorClassifier(Clock.fixed(NOW, ZoneOffset.UTC))
  }
}

private fun case(
  provider: Provider,
  label: String,
  name: String,
  status: Int,
  body: String,
  expected: KClass<out LlmGatewayException>,
  retryable: Boolean,
  headers: Map<String, String>,
  contentType: String?,
  check: (LlmGatewayException) -> Unit,
) =
  ClassificationCase(
    "$label $status $name",
    provider,
    status,
    body,
    expected,
    retryable,
    headers,
    contentType,
    check,
  )

fun saas(
  name: String,
  status: Int,
  body: String,
  expected: KClass<out LlmGatewayException>,
  retryable: Boolean,
  headers: Map<String, String> = emptyMap(),
  contentType: String? = "application/json",
  check: (LlmGatewayException) -> Unit = {},
) =
  case(
    Provider.SAAS_LITELLM,
    "saas-litellm",
    name,
    status,
    body,
    expected,
    retryable,
    headers,
    contentType,
    check,
  )

fun hiveops(
  name: String,
  status: Int,
  body: String,
  expected: KClass<out LlmGatewayException>,
  retryable: Boolean,
  headers: Map<String, String> = emptyMap(),
  contentType: String? = "application/json",
  check: (LlmGatewayException) -> Unit = {},
) =
  case(
    Provider.HIVEOPS,
    "hiveops",
    name,
    status,
    body,
    expected,
    retryable,
    headers,
    contentType,
    check,
  )

fun detail(text: String) = """{"detail": "$text"}"""

fun openAiError(message: String, type: String?, code: String?) =
  """{"error": {"message": "$message", "type": ${type?.let { "\"$it\"" }}, "code": ${code?.let { "\"$it\"" }}}}"""
