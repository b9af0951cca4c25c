package io.llmgateway.reliability

import io.llmgateway.error.LlmGatewayException
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import java.time.Duration
import kotlin.reflect.KClass

enum class Gateway {
  SAAS,
  HIVEOPS,
}

/** A plain call or a streamed one. */
enum class Shape {
  CALL,
  STREAM,
}

/** What every client must make of a scenario. */
sealed interface Expect {
  /** The call returns text; when [hint] is set the blocking client waited exactly that long. */
  data class Success(val hint: Duration? = null) : Expect

  /** The call fails with [type] (exactly that class); [check] looks at the details. */
  data class Failure(
    val type: KClass<out LlmGatewayException>,
    val check: (LlmGatewayException) -> Unit = {},
  ) : Expect
}

/**
 * One row of the fault matrix: how the fake gateway misbehaves ([script], run on a fresh gateway),
 * what every client must make of it, and how many requests the fake must have seen on the call's
 * path (retries included).
 */
class Scenario(
  val name: String,
  val gateway: Gateway,
  val shape: Shape,
  val expect: Expect,
  val requests: Int,
  val mode: SaasMode = SaasMode.DOCUMENTED,
  val model: String = if (gateway == Gateway.SAAS) "chat-fast" else "gpt-3.5-turbo",
  /** The row needs a client's short timeouts ([Matrix.TIMEOUT]) to end in time. */
  val timesOut: Boolean = false,
  val script: (FakeGateway) -> Unit = {},
) {
  /** The path glob of the call this scenario is about. */
  val path: String =
    when {
      gateway == Gateway.HIVEOPS -> "/chat/completions"
      shape == Shape.STREAM -> "/api/jobs/*/llm-call-stream"
      else -> "/api/jobs/*/llm-call"
    }

  override fun toString(): String = "${gateway.name.lowercase()} ${shape.name.lowercase()}: $name"
}
