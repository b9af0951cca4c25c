package io.llmgateway.testing.fault

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.HIVE
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.kotest.FakeGatewayListener
import java.net.SocketTimeoutException
import java.time.Duration
import java.util.concurrent.TimeUnit
import kotlin.concurrent.thread
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import okio.BufferedSource

private const val LLAMA = "llama3:8b-instruct-q8_0"

/** A stall the client waits through. */
private val SHORT_STALL: Duration = Duration.ofMillis(50)

/**
 * A stall the client gives up on: long on paper, so the gap is certain however slowly the client
 * gets to its next read on a busy machine, yet the test never waits for it (the client times out in
 * [GAP_TIMEOUT_MS], and the gateway's close ends the pause).
 */
private val GAP: Duration = Duration.ofSeconds(30)

/** The read timeout a client sets once it has the bytes before the pause. */
private const val GAP_TIMEOUT_MS = 20L

private fun BufferedSource.readTimeout(millis: Long): BufferedSource = apply {
  timeout().timeout(millis, TimeUnit.MILLISECONDS)
}

/** Reads SSE lines through the blank line that ends the n-th `data:` event. */
private fun BufferedSource.readEvents(n: Int): List<String> {
  val events = mutableListOf<String>()
  while (events.size < n) {
    val line = readUtf8Line() ?: error("stream ended after ${events.size} events")
    if (line.startsWith("data: ")) {
      events += line
      readUtf8Line() shouldBe "" // the event's end
    }
  }
  return events
}

/** What the next read does within [GAP_TIMEOUT_MS]: null if it got data, else the failure. */
private fun BufferedSource.nextReadFailure(read: BufferedSource.() -> Unit): Throwable? =
  runCatching {
    readTimeout(GAP_TIMEOUT_MS).read()
  }
  .exceptionOrNull()

class StallSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    val client = OkHttpClient.Builder().retryOnConnectionFailure(false).build()
    fun models() =
      Request.Builder()
        .url(fake.gateway.url() + "/models")
        .header("Authorization", "Bearer $HIVE")
        .build()
    fun stream(base: String = fake.gateway.url()) =
      Request.Builder()
        .url("$base/chat/completions")
        .header("Authorization", "Bearer $HIVE")
        .post(
          chatBody(LLAMA, extra = ""","stream":true""")
            .toRequestBody("application/json".toMediaType())
        )
        .build()
    fun body(request: Request) = client.newCall(request).execute().use { it.body!!.string() }
    val ids = Regex("chatcmpl-fake-\\d+") // each call streams under its own id

    test("stallOnce sends exactly the first N body bytes, then goes quiet") {
      fake.gateway.faults().onAny("/models").next(Fault.stallOnce(10, GAP))
      client.newCall(models()).execute().use { response ->
        val source = response.body!!.source()
        source.require(10)
        val gap = source.nextReadFailure { require(11) }
        gap.shouldBeInstanceOf<SocketTimeoutException>()
        source.buffer.size shouldBe 10L
      }
    }

    test("stallOnce then sends the rest of the real body, with no second pause") {
      val plain = body(models())
      fake.gateway.faults().onAny("/models").next(Fault.stallOnce(10, SHORT_STALL))
      client.newCall(models()).execute().use { response ->
        val source = response.body!!.source()
        val head = source.readUtf8(11) // waits through the pause
        var rest = ""
        source.nextReadFailure { rest = readUtf8() }.shouldBeNull()
        head + rest shouldBe plain
      }
    }

    test("stallAfterEvents delivers N whole events, then goes quiet between chunks") {
      fake.gateway.faults().on("POST", "/chat/completions").next(Fault.stallAfterEvents(2, GAP))
      client.newCall(stream()).execute().use { response ->
        val source = response.body!!.source()
        val events = source.readEvents(2)
        source.nextReadFailure { readUtf8Line() }.shouldBeInstanceOf<SocketTimeoutException>()
        events.first() shouldStartWith "data: {\"id\":"
      }
    }

    test("stallAfterEvents then streams every remaining event to [DONE] without another pause") {
      val plain = body(stream())
      fake.gateway
        .faults()
        .on("POST", "/chat/completions")
        .next(Fault.stallAfterEvents(2, SHORT_STALL))
      client.newCall(stream()).execute().use { response ->
        val source = response.body!!.source()
        val before = source.readEvents(3) // the third waits through the pause
        var after = ""
        source.nextReadFailure { after = readUtf8() }.shouldBeNull()
        (before.joinToString("") { "$it\n\n" } + after).replace(ids, "id") shouldBe
          plain.replace(ids, "id")
      }
    }

    test("stallAfterEvents does not count a keepalive comment as an event") {
      FakeGateway.builder().mode(SaasMode.REAL_SERVER).start().use { gw ->
        gw
          .faults()
          .on("POST", "/api/jobs/create-and-call-stream")
          .next(Fault.stallAfterEvents(1, GAP))
        val single =
          """{"team_id":"acme","job_type":"s","model":"chat-fast","messages":[{"role":"user","content":"hi"}]}"""
        val request =
          Request.Builder()
            .url(gw.url() + "/api/jobs/create-and-call-stream")
            .header("Authorization", "Bearer sk-fake-acme")
            .post(single.toRequestBody("application/json".toMediaType()))
            .build()
        client.newCall(request).execute().use { response ->
          val source = response.body!!.source()
          val keepalive = source.readUtf8Line()
          source.readUtf8Line()
          source.readEvents(1)
          source.nextReadFailure { readUtf8Line() }.shouldBeInstanceOf<SocketTimeoutException>()
          keepalive shouldBe ": keepalive"
        }
      }
    }

    test("closing the gateway ends a stall at once") {
      val gw = FakeGateway.start()
      gw.faults().onAny("/models").next(Fault.stallOnce(0, Duration.ofMinutes(10)))
      val request = models().newBuilder().url(gw.url() + "/models").build()
      val timedOut =
        OkHttpClient.Builder().readTimeout(GAP_TIMEOUT_MS, TimeUnit.MILLISECONDS).build()
      shouldThrow<SocketTimeoutException> { timedOut.newCall(request).execute().body!!.string() }
      var closeFailure: Throwable? = Throwable("close() still running")
      val closer = thread { closeFailure = runCatching { gw.close() }.exceptionOrNull() }
      closer.join(3_000) // MockWebServer gives up after 5 s of a busy connection and throws
      closeFailure.shouldBeNull()
    }

    test("stallBody pauses a stream mid-event, after its first bytes") {
      // MockWebServer's throttle sleeps through close, so this pause stays short.
      fake.gateway
        .faults()
        .on("POST", "/chat/completions")
        .next(Fault.stallBody(40, Duration.ofMillis(200)))
      client.newCall(stream()).execute().use { response ->
        val source = response.body!!.source()
        source.require(7)
        val gap = source.nextReadFailure { readUtf8Line() } // the first event is longer
        gap.shouldBeInstanceOf<SocketTimeoutException>()
        response.code shouldBe 200
        source.buffer.readUtf8(7) shouldBe "data: {"
      }
    }
  })
