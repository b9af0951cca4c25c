package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotBeEmpty
import io.kotest.matchers.string.shouldStartWith
import io.llmgateway.error.StreamErrorEventException
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.stream.ChunkShape
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Duration

class JobStreamSpec :
  FunSpec({
    data class Shape(val alias: String, val shape: ChunkShape)

    context(
      "create-and-call-stream, chunk shapes per alias provider (real server: keepalive first)"
    ) {
      withData(
        nameFn = { "${it.alias} -> ${it.shape}" },
        Shape("chat-fast", ChunkShape.OPENAI),
        Shape("chat-claude", ChunkShape.ANTHROPIC),
        Shape("chat-gemini", ChunkShape.GEMINI),
      ) { case ->
        fake(SaasMode.REAL_SERVER).use { gateway ->
          gateway.client().createAndCallStream(JobSpec.of("s"), question(model = case.alias)).use {
            stream ->
            val shapes = stream.map { it.shape() }.toSet()
            shapes shouldBe setOf(case.shape)
            val summary = stream.result()
            summary.text().shouldNotBeEmpty()
            summary.finishReason()!!.shouldNotBeEmpty()
          }
          gateway.state().jobs().single().status() shouldBe "COMPLETED"
        }
      }
    }

    test("llm-call-stream: chunks as they come, then the summary") {
      fake().use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("s"))
        val seen = StringBuilder()
        client.llmCallStream(job.jobId(), question()).use { stream ->
          stream.forEach { seen.append(it.textDelta()) }
          stream.result().text() shouldBe seen.toString()
          stream.result().chunks() shouldBeGreaterThan 2
        }
      }
    }

    test("a cut after 3 chunks keeps exactly the text of those chunks") {
      fake().use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("s"))
        val full = client.llmCallStream(job.jobId(), question()).use { it.readText() }
        gateway
          .faults()
          .on("POST", "/api/jobs/*/llm-call-stream")
          .next(Fault.disconnectAfterEvents(3))
          .thenPass()
        val received = mutableListOf<String>()
        val error =
          shouldThrow<StreamInterruptedException> {
            client.llmCallStream(job.jobId(), question()).use { stream ->
              stream.forEach { received.add(it.textDelta()) }
            }
          }
        error.chunksReceived() shouldBe 3
        error.partialText() shouldBe received.joinToString("")
        full shouldStartWith error.partialText()
        error.isRetryable shouldBe false
        // One whole stream, one cut one: nothing is re-sent after the first chunk.
        gateway.requestsTo("POST", "/llm-call-stream") shouldBe 2
      }
    }

    context(
      "the stream is read to EOF: an error after [DONE] (failed bookkeeping) is not success"
    ) {
      withData(nameFn = { it.name.lowercase() }, BOTH_MODES) { mode ->
        fake(mode).use { gateway ->
          val chunk = { text: String, finish: String? ->
            """data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",""" +
              """"choices":[{"index":0,"delta":{"content":"$text"},""" +
              """"finish_reason":${finish?.let { "\"$it\"" } ?: "null"}}]}""" +
              "\n\n"
          }
          // Spec 3.8: the server writes [DONE], then completes the job; if that fails, an error
          // event follows [DONE] before EOF. A client that stops at [DONE] reports success.
          val body =
            chunk("Hello", null) +
              chunk(" there", "stop") +
              "data: [DONE]\n\n" +
              "data: {\"error\": \"Failed to complete job: database is locked\"}\n\n"
          gateway
            .faults()
            .on("POST", "/api/jobs/create-and-call-stream")
            .next(Fault.status(200, body).withHeader("Content-Type", "text/event-stream"))
          val seen = StringBuilder()
          val error =
            shouldThrow<StreamErrorEventException> {
              gateway.client().createAndCallStream(JobSpec.of("s"), question()).use { stream ->
                stream.forEach { seen.append(it.textDelta()) }
              }
            }
          seen.toString() shouldBe "Hello there"
          error.serverMessage() shouldContain "database is locked"
          gateway.requestsTo("POST", "/create-and-call-stream") shouldBe 1
        }
      }
    }

    test("an error event (the real server's string form) is a typed stream error") {
      FakeGateway.builder().mode(SaasMode.REAL_SERVER).llmCallStreamHeadBug(true).start().use {
        gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("s"))
        val error =
          shouldThrow<StreamErrorEventException> {
            client.llmCallStream(job.jobId(), question()).use { it.readText() }
          }
        error.serverMessage() shouldContain "asynchronous context manager"
        gateway.requestsTo("POST", "/llm-call-stream") shouldBe 1
      }
    }

    test("documented mode: an {error: {...}} event followed by [DONE]") {
      fake(SaasMode.DOCUMENTED).use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("s"))
        shouldThrow<StreamErrorEventException> {
            client.llmCallStream(job.jobId(), question(model = "chat-broken")).use { it.readText() }
          }
          .serverMessage()
          .shouldNotBeEmpty()
      }
    }

    test("a stall between chunks fires the idle timeout and keeps the text") {
      fake().use { gateway ->
        val client = gateway.client { streamIdleTimeout(Duration.ofMillis(300)) }
        val job = client.createJob(JobSpec.of("s"))
        gateway
          .faults()
          .on("POST", "/api/jobs/*/llm-call-stream")
          .next(Fault.stallBody(700, Duration.ofSeconds(5)))
          .thenPass()
        val error =
          shouldThrow<StreamInterruptedException> {
            client.llmCallStream(job.jobId(), question()).use { it.readText() }
          }
        error.message!! shouldContain "no chunk for 300 ms"
        error.partialText().shouldNotBeEmpty()
      }
    }

    test("a 503 before the first chunk is retried; the stream then succeeds") {
      fake().use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("s"))
        gateway
          .faults()
          .on("POST", "/api/jobs/*/llm-call-stream")
          .next(Fault.status(503))
          .thenPass()
        client.llmCallStream(job.jobId(), question()).use { it.readText() }.shouldNotBeEmpty()
        gateway.requestsTo("POST", "/llm-call-stream") shouldBe 2
      }
    }

    test("closing a stream early cancels it") {
      fake().use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("s"))
        val stream = client.llmCallStream(job.jobId(), question())
        val chunks = stream.iterator()
        while (stream.textSoFar().isEmpty()) chunks.next()
        stream.close()
        stream.close()
        stream.textSoFar().isNotEmpty() shouldBe true
      }
    }
  })
