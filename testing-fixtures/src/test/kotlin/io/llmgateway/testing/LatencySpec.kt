package io.llmgateway.testing

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.testing.fault.Fault
import io.llmgateway.testing.fault.Latency
import java.time.Duration
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody

private const val LLAMA = "llama3:8b-instruct-q8_0"

private fun ms(millis: Long) = Duration.ofMillis(millis)

/** When each part of an answer arrived, in ms after the request was sent. */
private class Arrivals(
  val headers: Long,
  val lines: List<Pair<Long, String>>,
  val body: String,
  val cut: Boolean,
)

private fun timed(base: String, key: String, path: String, json: String): Arrivals {
  val http = Http(base, key)
  val request =
    Request.Builder()
      .url(base + path)
      .header("Authorization", "Bearer $key")
      .post(json.toRequestBody("application/json".toMediaType()))
      .build()
  val start = System.nanoTime()
  fun now() = (System.nanoTime() - start) / 1_000_000
  http.client.newCall(request).execute().use { response ->
    val headers = now()
    val lines = mutableListOf<Pair<Long, String>>()
    val body = StringBuilder()
    val source = response.body!!.source()
    val cut =
      try {
        while (true) {
          val line = source.readUtf8Line() ?: break
          body.append(line).append('\n')
          if (line.isNotEmpty()) lines += now() to line
        }
        false
      } catch (e: java.io.IOException) {
        true
      }
    return Arrivals(headers, lines, body.toString(), cut)
  }
}

/** Real-clock latency: these specs sleep for real, a few hundred ms each, on purpose. */
class LatencySpec :
  FunSpec({
    test("a non-stream reply arrives after the first byte plus the pace of each token") {
      FakeGateway.builder().hiveOpsLatency(Latency.of(ms(200), ms(20))).start().use { gw ->
        val reply = timed(gw.url(), HIVE, "/chat/completions", chatBody(LLAMA))
        reply.headers shouldBeGreaterThanOrEqual 320 // 200 + 6 tokens x 20
        reply.headers shouldBeLessThan 3_000
        Http(gw.url(), HIVE)
          .post("/chat/completions", chatBody(LLAMA))
          .header("openai-processing-ms") shouldBe "320"
      }
    }

    test("a stream sends its headers after the first byte, then one token per pace") {
      FakeGateway.builder().hiveOpsLatency(Latency.of(ms(150), ms(50))).start().use { gw ->
        val stream =
          timed(gw.url(), HIVE, "/chat/completions", chatBody(LLAMA, extra = ""","stream":true"""))
        stream.headers shouldBeGreaterThanOrEqual 150
        val events = stream.lines.filter { it.second.startsWith("data:") }
        events shouldHaveSize 9 // role, 6 tokens, finish, [DONE]
        // A client may read an event late, never early: the i-th comes 150 + i x 50 ms in at least.
        events.forEachIndexed { i, event -> event.first shouldBeGreaterThanOrEqual 145L + i * 50 }
      }
    }

    test("SaaS real-server streams come in one burst after generation, the keepalive at once") {
      FakeGateway.builder()
        .mode(SaasMode.REAL_SERVER)
        .saasLatency(Latency.of(ms(100), ms(50)))
        .start()
        .use { gw ->
          val body =
            """{"team_id":"acme","job_type":"s","model":"chat-fast","messages":[{"role":"user","content":"hi"}]}"""
          val stream = timed(gw.url(), ACME, "/api/jobs/create-and-call-stream", body)
          stream.lines.first().second shouldBe ": keepalive"
          val events = stream.lines.filter { it.second.startsWith("data:") }
          events.first().first shouldBeGreaterThanOrEqual 350 // 100 + 5 tokens x 50
          (stream.lines.first().first + 200) shouldBeLessThan events.first().first
          // 8 events paced at 50 ms would span 350 ms; a burst arrives together
          (events.last().first - events.first().first) shouldBeLessThan 150
        }
    }

    test("documented SaaS streams are paced, as the docs promise") {
      FakeGateway.builder().saasLatency(Latency.of(ms(50), ms(40))).start().use { gw ->
        val body =
          """{"team_id":"acme","job_type":"s","model":"chat-fast","messages":[{"role":"user","content":"hi"}]}"""
        val events =
          timed(gw.url(), ACME, "/api/jobs/create-and-call-stream", body).lines.filter {
            it.second.startsWith("data:")
          }
        events.forEachIndexed { i, event -> event.first shouldBeGreaterThanOrEqual 45L + i * 40 }
      }
    }

    test("SaaS reports the generation time it slept as latency_ms") {
      FakeGateway.builder().saasLatency(Latency.of(ms(100), ms(10))).start().use { gw ->
        val http = Http(gw.url(), ACME)
        val id = http.post("/api/jobs/create", createJobBody()).field("job_id")
        http.post("/api/jobs/$id/llm-call", chatBody("chat-fast")).body shouldContain
          """"latency_ms":160""" // 100 + 6 tokens x 10
      }
    }

    test("jitter is seeded: the same seed gives the same delays, another seed others") {
      fun delays(seed: Long): List<String?> =
        FakeGateway.builder()
          .hiveOpsLatency(Latency.of(ms(60), Duration.ZERO).withJitter(0.5))
          .latencySeed(seed)
          .start()
          .use { gw ->
            (1..3).map {
              Http(gw.url(), HIVE).get("/models").header("openai-processing-ms")
            }
          }
      delays(7) shouldBe delays(7)
      delays(7) shouldNotBe delays(8)
    }

    test("a fault's latency replaces the personality's for that answer only") {
      FakeGateway.start().use { gw ->
        gw
          .faults()
          .on("POST", "/chat/completions")
          .next(Fault.pass().withLatency(Latency.of(ms(800), Duration.ZERO)))
        timed(gw.url(), HIVE, "/chat/completions", chatBody(LLAMA))
          .headers shouldBeGreaterThanOrEqual 800
        timed(gw.url(), HIVE, "/chat/completions", chatBody(LLAMA)).headers shouldBeLessThan 800
      }
    }

    test("a paced stream can still be cut: the events before the cut arrive paced") {
      FakeGateway.start().use { gw ->
        gw
          .faults()
          .on("POST", "/chat/completions")
          .next(Fault.disconnectAfterEvents(3).withLatency(Latency.of(Duration.ZERO, ms(60))))
        val stream =
          timed(gw.url(), HIVE, "/chat/completions", chatBody(LLAMA, extra = ""","stream":true"""))
        stream.cut shouldBe true // the body ends without its last chunk
        val events = stream.lines.filter { it.second.startsWith("data:") }
        events shouldHaveSize 3
        events.forEachIndexed { i, event -> event.first shouldBeGreaterThanOrEqual i * 60L - 5 }
      }
    }
  })
