package io.llmgateway.ratelimit.redis

import java.io.BufferedInputStream
import java.io.IOException
import java.net.InetSocketAddress
import java.net.Socket

/**
 * A few raw RESP commands for tests (PING, CLIENT PAUSE, GET, PTTL, SET), not through the store.
 */
class RedisAdmin(host: String, port: Int) : AutoCloseable {
  private val socket = Socket()
  private val input: BufferedInputStream

  init {
    socket.connect(InetSocketAddress(host, port), 1000)
    socket.soTimeout = 3000
    input = BufferedInputStream(socket.getInputStream())
  }

  /** Sends one command; returns a status, integer or bulk reply as text (null for a nil bulk). */
  fun command(vararg args: String): String? {
    val out = StringBuilder("*${args.size}\r\n")
    args.forEach {
      out.append("$").append(it.toByteArray().size).append("\r\n").append(it).append("\r\n")
    }
    socket.getOutputStream().write(out.toString().toByteArray())
    socket.getOutputStream().flush()
    val line = readLine()
    return when (line[0]) {
      '+',
      ':' -> line.substring(1)
      '-' -> throw IOException("redis error: $line")
      '$' -> {
        val length = line.substring(1).toInt()
        if (length < 0) null else String(input.readNBytes(length + 2), 0, length)
      }
      else -> throw IOException("unexpected reply: $line")
    }
  }

  private fun readLine(): String {
    val b = StringBuilder()
    while (true) {
      val c = input.read()
      if (c < 0) throw IOException("connection closed")
      if (c == '\r'.code) {
        input.read()
        return b.toString()
      }
      b.append(c.toChar())
    }
  }

  override fun close() = socket.close()

  companion object {
    /** Runs [block] on a fresh admin connection to the server behind a `redis://host:port` URL. */
    fun <T> on(url: String, block: (RedisAdmin) -> T): T {
      val uri = java.net.URI(url)
      return RedisAdmin(uri.host, if (uri.port > 0) uri.port else 6379).use(block)
    }
  }
}
