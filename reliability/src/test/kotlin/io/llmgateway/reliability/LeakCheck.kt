package io.llmgateway.reliability

import io.kotest.assertions.nondeterministic.eventually
import io.kotest.assertions.withClue
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.FakeGateway
import kotlin.time.Duration.Companion.seconds
import okhttp3.OkHttpClient

/**
 * After a call has returned or thrown, nothing it used may still be busy: no OkHttp call in flight
 * or queued, no connection held outside the pool, no client thread parked in a socket read, and no
 * connection left open on the server. Cancellation and stream closing are asynchronous, and the
 * fake notices a hang-up only at its next write (after a stalling fault's pause), so each count is
 * given a few seconds to settle.
 */
object LeakCheck {
  private val socketReads =
    listOf("okhttp3.internal.http1.Http1ExchangeCodec", "okhttp3.internal.sse.")

  suspend fun assertClean(http: OkHttpClient, gateway: FakeGateway) {
    eventually(6.seconds) {
      withClue("OkHttp calls still running or queued") {
        http.dispatcher.runningCallsCount() shouldBe 0
        http.dispatcher.queuedCallsCount() shouldBe 0
      }
      // Idle connections are fine in a pool; evicting them leaves only the ones never released.
      http.connectionPool.evictAll()
      withClue("connections never released to the pool") {
        http.connectionPool.connectionCount() shouldBe 0
      }
      withClue("client threads still reading a socket") { readingThreads() shouldBe emptyList() }
      withClue("connections still open on the fake gateway") {
        gateway.openConnections() shouldBe 0
      }
    }
  }

  private fun readingThreads(): List<String> =
    Thread.getAllStackTraces()
      .filter { (thread, _) -> !thread.name.startsWith("MockWebServer") }
      .filter { (_, stack) ->
        stack.any { frame -> socketReads.any { frame.className.startsWith(it) } }
      }
      .map { (thread, _) -> thread.name }
}
