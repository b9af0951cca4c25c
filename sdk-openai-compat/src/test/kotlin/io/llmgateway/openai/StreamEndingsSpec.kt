package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.cost.Cost
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.StreamErrorEventException
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.testing.fault.Fault

private fun chunk(content: String?, finish: String? = null): String {
  val delta = if (content == null) "{}" else """{"content":"$content"}"""
  val reason = if (finish == null) "null" else "\"$finish\""
  return """data: {"id":"c1","object":"chat.completion.chunk","created":1,""" +
    """"model":"llama3:8b-instruct-q8_0",""" +
    """"choices":[{"index":0,"delta":$delta,"finish_reason":$reason}]}""" +
    "\n\n"
}

/** A 200 event stream with exactly [events] and then a clean end of the body. */
private fun sse(vararg events: String): Fault =
  Fault.status(200, events.joinToString("")).withHeader("Content-Type", "text/event-stream")

/** How a stream may end: the OpenAI SDK alone reports every clean end as success. */
class StreamEndingsSpec :
  FunSpec({
    test("a clean end without a finish reason or [DONE] is an interruption with the partial text") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").next(sse(chunk("Hello"), chunk(" wor")))
        val deltas = StringBuilder()
        val e =
          shouldThrow<StreamInterruptedException> {
            gateway.hiveClient().stream(ask()) { deltas.append(it) }
          }
        e.partialText() shouldBe "Hello wor"
        deltas.toString() shouldBe "Hello wor"
        e.chunksReceived() shouldBe 2
        e.finishReason() shouldBe null
        gateway.chatRequests() shouldBe 1 // text arrived: never retried
      }
    }

    test("a finish reason without [DONE] is a complete stream") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(sse(chunk("Hello"), chunk(null, finish = "stop")))
        val result = gateway.hiveClient().stream(ask()) {}
        result.text() shouldBe "Hello"
        result.finishReason() shouldBe "stop"
      }
    }

    test("an empty 200 stream is retried like a failure before the first chunk") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").next(sse()).thenPass()
        val result = gateway.hiveClient().stream(ask()) {}
        result.text() shouldBe "Fake reply to: hello there"
        gateway.chatRequests() shouldBe 2
      }
    }

    test("usage is null, and cost unknown, when the gateway ignores include_usage") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(sse(chunk("Hi"), chunk(null, finish = "stop"), "data: [DONE]\n\n"))
        val result = gateway.hiveClient().stream(ask()) {}
        gateway.lastRequest().body() shouldContain "\"include_usage\":true" // we did ask
        result.text() shouldBe "Hi"
        result.usage() shouldBe null
        result.cost() shouldBe Cost.UNKNOWN
      }
    }

    test(
      "an insufficient_balance event inside a stream is typed, not retried, and arms the guard"
    ) {
      fakeHive().use { gateway ->
        val event =
          """data: {"error":{"message":"Insufficient account balance. Please add funds to""" +
            """ continue.","type":"insufficient_quota","code":"insufficient_balance"}}""" +
            "\n\n"
        gateway.faults().on("POST", "/chat/completions").next(sse(chunk("Hello"), event))
        val client = gateway.hiveClient()

        val e = shouldThrow<StreamErrorEventException> { client.stream(ask()) {} }
        e.code() shouldBe "insufficient_balance"
        e.serverMessage() shouldContain "Insufficient account balance"
        e.partialText() shouldBe "Hello"
        e.isRetryable shouldBe false
        gateway.chatRequests() shouldBe 1

        shouldThrow<InsufficientCreditsException> { client.stream(ask()) {} }.message shouldContain
          "not sent"
        gateway.chatRequests() shouldBe 1
      }
    }
  })
