package io.llmgateway.coroutines.openai

import io.kotest.assertions.nondeterministic.eventually
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotBeEmpty
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.coroutines.collectText
import io.llmgateway.coroutines.textDeltas
import io.llmgateway.cost.TokenUsage
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.StreamErrorEventException
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.testing.fault.Fault
import java.math.BigDecimal
import java.time.Duration
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import okhttp3.OkHttpClient

private const val LONG = "one two three four five six seven eight nine ten"

/** HiveOps streams as cold flows, over real HTTP against the fake gateway. */
class HiveOpsFlowSpec :
  FunSpec({
    test("a cold flow: nothing is sent until collected, each collection is a new call") {
      fakeHive().use { gateway ->
        runBlocking {
          val flow = gateway.hive().stream(ask())
          gateway.chatRequests() shouldBe 0
          flow.collectText() shouldBe "Fake reply to: hello there"
          flow.textDeltas().toList().size shouldBeGreaterThan 1
          gateway.chatRequests() shouldBe 2
          gateway.lastRequest().body() shouldContain "\"stream\":true"
          gateway.lastRequest().header(SCOPE_HEADER) shouldBe null
        }
      }
    }

    test("streamResult: deltas as they come, the mapped model, usage and cost") {
      fakeHive().use { gateway ->
        runBlocking {
          val deltas = mutableListOf<String>()
          val result = gateway.hive().streamResult(ask("gpt-3.5-turbo")) { deltas += it }
          deltas.joinToString("") shouldBe "Fake reply to: hello there"
          result.text() shouldBe "Fake reply to: hello there"
          result.model() shouldBe "llama3:8b-instruct-q8_0"
          result.finishReason() shouldBe "stop"
          result.usage() shouldBe TokenUsage(9, 6, 15) // as the fake counts tokens: OpenAI-like
          result.cost().usd()!!.compareTo(BigDecimal("0.00000021")) shouldBe 0
          result.rateLimit().remainingRequests() shouldBe 59L
          gateway.lastRequest().body() shouldContain "\"model\":\"llama3:8b-instruct-q8_0\""
          gateway.lastRequest().body() shouldContain "\"include_usage\":true"
        }
      }
    }

    test("a failure before the first chunk is retried; the stream then completes") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").next(Fault.status(503)).thenPass()
        runBlocking {
          gateway.hive().stream(ask()).collectText() shouldBe "Fake reply to: hello there"
        }
        gateway.chatRequests() shouldBe 2
      }
    }

    test("a cut stream raises the interruption with the partial text, never retried") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").next(Fault.disconnectAfterEvents(4))
        runBlocking {
          val seen = StringBuilder()
          val e =
            shouldThrow<StreamInterruptedException> {
              gateway.hive().streamResult(ask(text = LONG)) { seen.append(it) }
            }
          e.partialText().shouldNotBeEmpty()
          e.partialText() shouldBe seen.toString()
          "Fake reply to: $LONG" shouldStartWith e.partialText()
          e.chunksReceived() shouldBeGreaterThan 0
        }
        gateway.chatRequests() shouldBe 1
      }
    }

    test("an error event inside a 200 stream is a typed error with the partial text") {
      fakeHive().use { gateway ->
        val chunk =
          """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"llama3:8b-instruct-q8_0",""" +
            """"choices":[{"index":0,"delta":{"content":"Hello"},"finish_reason":null}]}"""
        val error =
          """{"error":{"message":"model overloaded","type":"server_error","code":"overloaded"}}"""
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(
            Fault.status(200, "data: $chunk\n\ndata: $error\n\n")
              .withHeader("Content-Type", "text/event-stream")
          )
        runBlocking {
          val e = shouldThrow<StreamErrorEventException> { gateway.hive().stream(ask()).toList() }
          e.partialText() shouldBe "Hello"
          e.serverMessage() shouldContain "model overloaded"
        }
      }
    }

    test("the idle timeout is typed (READ) and keeps the text, never a TimeoutCancellation") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(Fault.stallBody(700, Duration.ofSeconds(2)))
        val client = gateway.hive { streamIdleTimeout(Duration.ofMillis(300)) }
        runBlocking {
          val e =
            shouldThrow<StreamInterruptedException> {
              client.stream(ask(text = LONG)).collectText()
            }
          e.message!! shouldContain "no chunk for 300 ms"
          e.partialText().shouldNotBeEmpty()
          e.cause.shouldBeInstanceOf<CallTimeoutException>().kind() shouldBe
            CallTimeoutException.Kind.READ
        }
      }
    }

    test("the total stream timeout is typed (TOTAL)") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(Fault.stallBody(700, Duration.ofSeconds(2)))
        val client = gateway.hive {
          timeouts(Timeouts.custom().streamTimeout(Duration.ofMillis(600)).build())
          streamIdleTimeout(Duration.ofSeconds(5))
        }
        runBlocking {
          val e =
            shouldThrow<StreamInterruptedException> {
              client.stream(ask(text = LONG)).collectText()
            }
          e.message!! shouldContain "total stream timeout"
          e.cause.shouldBeInstanceOf<CallTimeoutException>().kind() shouldBe
            CallTimeoutException.Kind.TOTAL
        }
      }
    }

    test("cancelling the collector closes the connection: the gateway sees it go") {
      fakeHive().use { gateway ->
        val http = OkHttpClient()
        val client = gateway.hive(http = http)
        runBlocking {
          gateway
            .faults()
            .on("POST", "/chat/completions")
            .next(Fault.stallBody(200, Duration.ofMillis(100)))
          val collector = launch { client.stream(ask(text = LONG)).collect {} }
          eventually(5.seconds) {
            gateway.chatRequests() shouldBe 1
            gateway.openConnections() shouldBe 1
          }
          collector.cancelAndJoin()
          eventually(5.seconds) {
            gateway.openConnections() shouldBe 0
            http.dispatcher.runningCallsCount() shouldBe 0
          }
        }
      }
    }

    test("taking the first chunk stops the stream early") {
      fakeHive().use { gateway ->
        runBlocking {
          gateway.hive().stream(ask()).first().shape().name shouldBe "OPENAI"
          gateway.chatRequests() shouldBe 1
        }
      }
    }
  })
