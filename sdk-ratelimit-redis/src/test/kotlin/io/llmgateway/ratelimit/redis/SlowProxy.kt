package io.llmgateway.ratelimit.redis

import java.io.InputStream
import java.io.OutputStream
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.Socket

/**
 * A TCP proxy on loopback in front of a Redis that holds back the server's first reply on each
 * connection by [firstReplyDelayMs]: a connection handshake that takes that long, as over a slow
 * TLS link or to a busy server.
 */
class SlowProxy(private val upstreamPort: Int, private val firstReplyDelayMs: Long) :
  AutoCloseable {
  private val server = ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())
  val url: String
    get() = "redis://127.0.0.1:${server.localPort}"

  init {
    daemon {
      while (!server.isClosed) {
        val client = runCatching { server.accept() }.getOrNull() ?: break
        val upstream = Socket()
        upstream.connect(InetSocketAddress("127.0.0.1", upstreamPort), 1000)
        daemon { pump(client.getInputStream(), upstream.getOutputStream(), 0) }
        daemon { pump(upstream.getInputStream(), client.getOutputStream(), firstReplyDelayMs) }
      }
    }
  }

  private fun pump(from: InputStream, to: OutputStream, firstDelayMs: Long) {
    val buffer = ByteArray(8192)
    var first = true
    runCatching {
      while (true) {
        val n = from.read(buffer)
        if (n < 0) break
        if (first && firstDelayMs > 0) Thread.sleep(firstDelayMs)
        first = false
        to.write(buffer, 0, n)
        to.flush()
      }
    }
    runCatching { to.close() }
  }

  private fun daemon(body: () -> Unit) {
    val t = Thread(body)
    t.isDaemon = true
    t.start()
  }

  override fun close() = server.close()
}
