package io.llmgateway.openai

import com.openai.models.chat.completions.ChatCompletionCreateParams
import com.openai.models.chat.completions.ChatCompletionStreamOptions
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotBeEmpty
import io.kotest.matchers.string.shouldStartWith
import io.llmgateway.cost.Cost
import io.llmgateway.cost.TokenUsage
import io.llmgateway.error.StreamErrorEventException
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.testing.fault.Fault
import java.math.BigDecimal

private const val LONG = "one two three four five six seven eight nine ten"

class StreamSpec :
  FunSpec({
    test("yields text deltas and the final usage and cost") {
      fakeHive().use { gateway ->
        val deltas = mutableListOf<String>()
        val result = gateway.hiveClient().stream(ask("llama3:8b-instruct-q8_0")) { deltas += it }
        deltas.size shouldBeGreaterThan 1
        deltas.joinToString("") shouldBe "Fake reply to: hello there"
        result.text() shouldBe "Fake reply to: hello there"
        result.finishReason() shouldBe "stop"
        result.usage() shouldBe TokenUsage(9, 6, 15)
        result.cost().usd()!!.compareTo(BigDecimal("0.00000021")) shouldBe 0
        gateway.lastRequest().body() shouldContain "\"include_usage\":true"
      }
    }

    test("tolerates a stream without a usage chunk: usage null, cost unknown") {
      fakeHive().use { gateway ->
        val params =
          ChatCompletionCreateParams.builder()
            .model("llama3:8b-instruct-q8_0")
            .addUserMessage("hello there")
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(false).build())
            .build()
        val result = gateway.hiveClient().stream(params) {}
        result.text() shouldBe "Fake reply to: hello there"
        result.usage() shouldBe null
        result.cost() shouldBe Cost.UNKNOWN
      }
    }

    test("a stream cut mid-way is an interruption that keeps the partial text") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").next(Fault.disconnectAfterEvents(4))
        val deltas = StringBuilder()
        val e =
          shouldThrow<StreamInterruptedException> {
            gateway.hiveClient().stream(ask(text = LONG)) { deltas.append(it) }
          }
        e.partialText().shouldNotBeEmpty()
        e.partialText() shouldBe deltas.toString()
        "Fake reply to: $LONG" shouldStartWith e.partialText()
        e.chunksReceived() shouldBeGreaterThan 0
        gateway.chatRequests() shouldBe 1 // never retried after the first chunk
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
        val e = shouldThrow<StreamErrorEventException> { gateway.hiveClient().stream(ask()) {} }
        e.partialText() shouldBe "Hello"
        e.serverMessage() shouldContain "model overloaded"
      }
    }
  })
