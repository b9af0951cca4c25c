package io.llmgateway.reliability

import io.kotest.assertions.withClue
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.testing.seed.Seed
import java.time.Instant
import java.util.UUID

/**
 * Keys made fresh for each run (never committed) that must never be seen again: the matrix sends
 * them on every request and scripts faults that echo them back, then looks for them everywhere.
 */
object Canary {
  private fun fresh() = "sk-" + UUID.randomUUID().toString().replace("-", "")

  val saasKey: String = fresh()
  val hiveKey: String = fresh()

  /** The default seed, with team `acme` and HiveOps key `sk-fake-hive` holding the canaries. */
  fun seed(now: Instant): Seed =
    Seed.fromJson(
      Seed.defaultJson()
        .replace("\"sk-fake-acme\"", "\"$saasKey\"")
        .replace("\"sk-fake-hive\"", "\"$hiveKey\""),
      now,
    )

  /** Every 8-character piece of both keys' secret parts: a partial leak is a leak. */
  private val fragments: List<String> =
    listOf(saasKey, hiveKey).flatMap { key ->
      val secret = key.removePrefix("sk-")
      (0..secret.length - 8).map { secret.substring(it, it + 8) }
    }

  fun assertAbsent(where: String, text: String?) {
    if (text == null) return
    withClue("canary key in $where") { fragments.forEach { text shouldNotContain it } }
  }

  /** Everything a caller can read off a failure, its causes and suppressed exceptions included. */
  fun texts(failure: Throwable): List<String> = buildList {
    generateSequence(failure) { it.cause }
      .flatMap { sequenceOf(it) + it.suppressed.asSequence() }
      .forEach {
        add(it.toString())
        add(it.message.orEmpty())
        if (it is LlmGatewayException) {
          add(it.rawBody())
          add(it.serverMessage())
          add(it.type().orEmpty())
          add(it.code().orEmpty())
          add(it.details().param().orEmpty())
          add(it.requestId().orEmpty())
          add(it.fieldErrors().toString())
          add(it.rateLimit().toString())
        }
      }
  }
}
