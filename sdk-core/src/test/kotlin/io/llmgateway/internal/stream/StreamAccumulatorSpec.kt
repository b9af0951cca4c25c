package io.llmgateway.internal.stream

import io.kotest.assertions.throwables.shouldNotThrowAny
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.cost.TokenUsage
import io.llmgateway.error.ErrorClassifier
import io.llmgateway.error.Provider
import io.llmgateway.error.StreamErrorEventException
import io.llmgateway.error.StreamInterruptedException

class StreamAccumulatorSpec :
  FunSpec({
    fun accumulator() = StreamAccumulator(Provider.SAAS_LITELLM, ErrorClassifier.create())
    fun openAi(text: String) =
      """{"choices":[{"index":0,"delta":{"content":"$text"},"finish_reason":null}]}"""
    val finish = """{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"""

    test("a stream that ends with [DONE] is complete") {
      val acc = accumulator()
      acc.accept(openAi("Hi "))
      acc.accept(openAi("there"))
      acc.accept(finish)
      acc.accept("[DONE]")
      shouldNotThrowAny { acc.finish() }
      acc.text() shouldBe "Hi there"
      acc.chunks() shouldBe 3
      acc.finishReason() shouldBe "stop"
    }

    test("a finish reason alone completes it (no [DONE], as Anthropic and Gemini streams end)") {
      val acc = accumulator()
      acc.accept(openAi("Hi"))
      acc.accept(finish)
      shouldNotThrowAny { acc.finish() }
    }

    test("EOF without a terminal signal is an interruption that keeps the text") {
      val acc = accumulator()
      acc.accept(openAi("Once "))
      acc.accept(openAi("upon"))
      val error = shouldThrow<StreamInterruptedException> { acc.finish() }
      error.partialText() shouldBe "Once upon"
      error.chunksReceived() shouldBe 2
      error.finishReason() shouldBe null
      error.isRetryable shouldBe false
      error.message!! shouldContain "2 chunks"
    }

    test("an error event after chunks keeps the partial text") {
      val acc = accumulator()
      acc.accept(openAi("Half"))
      val error =
        shouldThrow<StreamErrorEventException> {
          acc.accept("""{"error": "500: upstream failed"}""")
        }
      error.partialText() shouldBe "Half"
      error.serverMessage() shouldBe "500: upstream failed"
    }

    test("Anthropic usage arrives in pieces and adds up") {
      val acc = accumulator()
      acc.accept(
        """{"type":"message_start","message":{"usage":{"input_tokens":25,"output_tokens":1}}}"""
      )
      acc.accept(
        """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}"""
      )
      acc.accept(
        """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":15}}"""
      )
      acc.accept("""{"type":"message_stop"}""")
      acc.finish()
      acc.usage() shouldBe TokenUsage(25, 15, 40)
    }

    test("keepalive-like payloads are skipped, not counted") {
      val acc = accumulator()
      acc.accept("not json") shouldBe null
      acc.chunks() shouldBe 0
    }
  })
