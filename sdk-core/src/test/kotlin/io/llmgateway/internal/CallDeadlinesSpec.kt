package io.llmgateway.internal

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import java.io.IOException
import java.io.InterruptedIOException
import java.time.Duration
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer
import okhttp3.mockwebserver.SocketPolicy

class CallDeadlinesSpec :
  FunSpec({
    // Read timeouts far beyond the deadlines: only a deadline can end these calls early.
    val http = OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build()

    fun MockWebServer.call() = http.newCall(Request.Builder().url(url("/")).build())

    test("a call still running at its deadline is cancelled and reads as OkHttp's call timeout") {
      MockWebServer().use { server ->
        server.enqueue(MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE))
        val call = server.call()
        val started = System.nanoTime()
        val deadline = CallDeadlines("test-deadlines").start(call, Duration.ofMillis(200))
        val failure = shouldThrow<IOException> { call.execute() }
        deadline.close()
        val elapsedMs = (System.nanoTime() - started) / 1_000_000
        elapsedMs shouldBeLessThan 5_000L
        deadline.expired() shouldBe true
        val explained = deadline.explain(failure)
        explained.shouldBeInstanceOf<InterruptedIOException>()
        explained.message shouldBe "timeout"
        explained.cause shouldBe failure
      }
    }

    test("a call that ends in time is never cancelled, and its failures are its own") {
      MockWebServer().use { server ->
        server.enqueue(MockResponse().setBody("ok"))
        val deadlines = CallDeadlines("test-deadlines")
        val call = server.call()
        val deadline = deadlines.start(call, Duration.ofMillis(150))
        call.execute().use { it.body!!.string() shouldBe "ok" }
        deadline.close()
        Thread.sleep(400) // well past the deadline
        call.isCanceled() shouldBe false
        deadline.expired() shouldBe false
        val own = IOException("connection reset")
        deadline.explain(own) shouldBe own
      }
    }

    test("a deadline earlier than every pending one still fires on time") {
      MockWebServer().use { server ->
        server.enqueue(MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE))
        server.enqueue(MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE))
        val deadlines = CallDeadlines("test-deadlines")
        val slow = server.call()
        val late = deadlines.start(slow, Duration.ofSeconds(20))
        val pool = Executors.newSingleThreadExecutor()
        try {
          val slowFailure =
            pool.submit<Throwable> { runCatching { slow.execute() }.exceptionOrNull() }
          val quick = server.call()
          val started = System.nanoTime()
          val early = deadlines.start(quick, Duration.ofMillis(200))
          shouldThrow<IOException> { quick.execute() }
          early.close()
          (System.nanoTime() - started) / 1_000_000 shouldBeLessThan 5_000L
          early.expired() shouldBe true
          late.expired() shouldBe false
          slow.cancel()
          slowFailure.get(5, TimeUnit.SECONDS).shouldBeInstanceOf<IOException>()
          late.close()
          late.expired() shouldBe false
        } finally {
          pool.shutdownNow()
        }
      }
    }
  })
