package io.llmgateway.reliability.fuzz

import java.nio.ByteBuffer

/**
 * How a fuzz input becomes an HTTP error answer: byte 0 picks a status, byte 1 a content type, byte
 * 2 how many headers follow (0-3), each as a name byte, a length byte and that many value bytes;
 * the rest is the body. The seed corpus is written in this framing, one guide body a file.
 */
class ErrorAnswer(input: ByteArray) {
  private val bytes = ByteBuffer.wrap(input)

  val status: Int = STATUSES[next() % STATUSES.size]
  val contentType: String? = CONTENT_TYPES[next() % CONTENT_TYPES.size]
  val headers: List<Pair<String, String>> =
    (0 until next() % 4).map {
      val name = HEADER_NAMES[next() % HEADER_NAMES.size]
      val length = next()
      val value = ByteArray(minOf(length, bytes.remaining())).also(bytes::get)
      name to String(value, Charsets.ISO_8859_1)
    }
  val body: ByteArray = ByteArray(bytes.remaining()).also(bytes::get)

  private fun next(): Int = if (bytes.hasRemaining()) bytes.get().toInt() and 0xFF else 0

  companion object {
    val STATUSES =
      listOf(400, 401, 403, 404, 422, 429, 500, 502, 503, 504, 200, 418, 599, 301, 100, 520)
    val CONTENT_TYPES =
      listOf(
        "application/json",
        "text/plain; charset=utf-8",
        "text/html",
        null,
        "application/json; charset=iso-8859-1",
        "text/event-stream",
        "application/problem+json",
        ";;=",
      )
    val HEADER_NAMES =
      listOf(
        "Retry-After",
        "retry-after-ms",
        "X-RateLimit-Limit-Requests",
        "X-RateLimit-Remaining-Requests",
        "X-RateLimit-Reset-Requests",
        "X-RateLimit-Limit-Tokens",
        "X-RateLimit-Remaining-Tokens",
        "X-RateLimit-Reset-Tokens",
        "x-request-id",
        "Content-Length",
      )
  }
}
