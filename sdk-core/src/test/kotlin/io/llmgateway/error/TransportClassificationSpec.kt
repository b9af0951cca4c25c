package io.llmgateway.error

import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import java.io.IOException
import java.io.InterruptedIOException
import java.net.ConnectException
import java.net.SocketTimeoutException
import java.net.UnknownHostException
import javax.net.ssl.SSLHandshakeException
import kotlin.reflect.KClass

class TransportClassificationSpec :
  FunSpec({
    data class Row(
      val name: String,
      val failure: Throwable,
      val expected: KClass<out LlmGatewayException>,
      val retryable: Boolean,
      val kind: CallTimeoutException.Kind? = null,
    )

    val rows =
      listOf(
        Row(
          "connect timeout",
          SocketTimeoutException("connect timed out"),
          CallTimeoutException::class,
          true,
          CallTimeoutException.Kind.CONNECT,
        ),
        Row(
          "read timeout",
          SocketTimeoutException("timeout"),
          CallTimeoutException::class,
          true,
          CallTimeoutException.Kind.READ,
        ),
        Row(
          "OkHttp call timeout",
          InterruptedIOException("timeout"),
          CallTimeoutException::class,
          true,
          CallTimeoutException.Kind.ATTEMPT,
        ),
        Row(
          "refused",
          ConnectException("Failed to connect to /127.0.0.1:1"),
          ConnectionException::class,
          true,
        ),
        Row(
          "unknown host",
          UnknownHostException("gateway.invalid"),
          ConnectionException::class,
          true,
        ),
        Row("reset", IOException("Connection reset"), ConnectionException::class, true),
        Row(
          "unexpected end of stream",
          IOException("unexpected end of stream on http://x/..."),
          ConnectionException::class,
          true,
        ),
        Row(
          "TLS handshake",
          SSLHandshakeException("PKIX path building failed"),
          ConnectionException::class,
          false,
        ),
        Row("canceled", IOException("Canceled"), ConnectionException::class, false),
        Row(
          "a bug elsewhere",
          IllegalStateException("boom"),
          UnexpectedResponseException::class,
          false,
        ),
      )

    withData(nameFn = { it.name }, rows) { row ->
      val error = ErrorClassifier.create().classify(Provider.HIVEOPS, row.failure)
      error::class shouldBe row.expected
      error.isRetryable shouldBe row.retryable
      error.cause shouldBeSameInstanceAs row.failure
      if (row.kind != null) {
        (error as CallTimeoutException).kind() shouldBe row.kind
      }
    }

    test("our own errors pass through unchanged") {
      val original = ThrottledException("throttled", ErrorDetails.of(Provider.HIVEOPS))
      ErrorClassifier.create().classify(Provider.HIVEOPS, original) shouldBeSameInstanceAs original
    }

    test("a total timeout is never retryable") {
      CallTimeoutException(
          "deadline",
          ErrorDetails.of(Provider.SAAS_LITELLM),
          CallTimeoutException.Kind.TOTAL,
          null,
        )
        .isRetryable shouldBe false
    }
  })
