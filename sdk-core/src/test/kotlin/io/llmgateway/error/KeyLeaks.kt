package io.llmgateway.error

import io.kotest.assertions.withClue
import io.kotest.matchers.shouldBe

/**
 * Leak checks for a planted key. A key cut by a length bound leaves a piece of itself, so the check
 * looks for every 8-character piece, and for the key's first 5 characters: a cut keeps the start of
 * a key, often too short for its pattern to match.
 */
object KeyLeaks {
  /** The piece of [key] that [text] holds, or null when it holds none. */
  fun pieceIn(text: String, key: String): String? =
    (key.windowed(8) + key.take(5)).firstOrNull { text.contains(it) }

  /** Fails, naming the piece and where it was, when any of [texts] holds a piece of [key]. */
  fun assertNone(texts: Iterable<String?>, key: String) {
    for (text in texts.filterNotNull()) {
      val piece = pieceIn(text, key)
      withClue("'$piece' of the key leaked into: ${text.take(600)}") { piece shouldBe null }
    }
  }

  /**
   * Every text a user can read off [error] and its causes: message, `toString()`, each accessor,
   * every field error, and the subtype's own values.
   */
  fun textsOf(error: Throwable): List<String?> = buildList {
    generateSequence(error) { it.cause }
      .forEach { t ->
        add(t.message)
        add(t.toString())
        if (t is LlmGatewayException) {
          addAll(accessorsOf(t))
        }
      }
  }

  private fun accessorsOf(e: LlmGatewayException): List<String?> = buildList {
    add(e.serverMessage())
    add(e.type())
    add(e.code())
    add(e.details().param())
    add(e.requestId())
    add(e.rawBody())
    add(e.rateLimit().toString())
    add(e.retryAfter()?.toString())
    for (f in e.fieldErrors()) {
      add(f.toString())
      add(f.field())
      add(f.message())
      add(f.type())
      add(f.input())
      addAll(f.location())
    }
    if (e is InvalidModelException) {
      add(e.model())
      addAll(e.validModels())
    }
  }
}
