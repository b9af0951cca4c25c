package io.llmgateway.internal.stream

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.string
import io.kotest.property.checkAll
import io.llmgateway.cost.TokenUsage
import io.llmgateway.stream.ChunkShape
import io.llmgateway.stream.StreamChunk

class StreamPayloadParserSpec :
  FunSpec({
    fun chunk(data: String): StreamChunk =
      StreamPayloadParser.parse(data).shouldBeInstanceOf<StreamEvent.Chunk>().chunk()

    test("OpenAI role chunk, content chunk and finish chunk") {
      val role =
        chunk(
          """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1730000000,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}"""
        )
      role.textDelta() shouldBe ""
      role.isTerminal shouldBe false
      role.shape() shouldBe ChunkShape.OPENAI

      chunk(
          """{"choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}]}"""
        )
        .textDelta() shouldBe "Hi"

      val last =
        chunk("""{"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}""")
      last.finishReason() shouldBe "stop"
      last.isTerminal shouldBe true
    }

    test("OpenAI usage chunk from stream_options.include_usage") {
      val usage =
        chunk(
          """{"id":"x","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42}}"""
        )
      usage.usage() shouldBe TokenUsage(12, 30, 42)
      usage.textDelta() shouldBe ""
    }

    test("Anthropic native events") {
      chunk(
          """{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-3-5-sonnet","usage":{"input_tokens":25,"output_tokens":1}}}"""
        )
        .usage() shouldBe TokenUsage(25, 1, 26)
      chunk("""{"type":"ping"}""").textDelta() shouldBe ""
      val delta =
        chunk(
          """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}"""
        )
      delta.textDelta() shouldBe "Hello"
      delta.shape() shouldBe ChunkShape.ANTHROPIC
      val end =
        chunk(
          """{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}"""
        )
      end.finishReason() shouldBe "end_turn"
      end.usage()!!.completionTokens() shouldBe 15
      chunk("""{"type":"message_stop"}""").isTerminal shouldBe true
    }

    test("Anthropic error event is an error") {
      StreamPayloadParser.parse(
          """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""
        )
        .shouldBeInstanceOf<StreamEvent.Error>()
    }

    test("Gemini native chunks") {
      val part =
        chunk(
          """{"candidates":[{"content":{"parts":[{"text":"Hel"},{"text":"lo"}],"role":"model"},"index":0}],"modelVersion":"gemini-1.5-flash"}"""
        )
      part.textDelta() shouldBe "Hello"
      part.shape() shouldBe ChunkShape.GEMINI
      part.isTerminal shouldBe false
      val last =
        chunk(
          """{"candidates":[{"content":{"parts":[{"text":"!"}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":6,"totalTokenCount":10}}"""
        )
      last.finishReason() shouldBe "STOP"
      last.isTerminal shouldBe true
      last.usage() shouldBe TokenUsage(4, 6, 10)
    }

    test("[DONE], error events and non-JSON payloads") {
      StreamPayloadParser.parse("[DONE]") shouldBe StreamEvent.Done.INSTANCE
      StreamPayloadParser.parse(" [DONE] ") shouldBe StreamEvent.Done.INSTANCE
      StreamPayloadParser.parse(
          """{"error": "'Response' object does not support the asynchronous context manager protocol"}"""
        )
        .shouldBeInstanceOf<StreamEvent.Error>()
      StreamPayloadParser.parse(
          """{"error": {"message": "boom", "type": "server_error", "code": "x"}}"""
        )
        .shouldBeInstanceOf<StreamEvent.Error>()
      StreamPayloadParser.parse("keepalive") shouldBe StreamEvent.Skipped.INSTANCE
      StreamPayloadParser.parse("""{"choices": [""") shouldBe StreamEvent.Skipped.INSTANCE
      StreamPayloadParser.parse("""{"a":1} trailing""") shouldBe StreamEvent.Skipped.INSTANCE
    }

    test("an explicit null error is not an error, content null is no text") {
      chunk("""{"error": null, "choices":[{"delta":{"content":null},"finish_reason":null}]}""")
        .textDelta() shouldBe ""
    }

    test("arbitrary payloads never throw") {
      checkAll(PropTestConfig(iterations = 3000), Arb.string(0..200)) { s ->
        StreamPayloadParser.parse(s)
        StreamPayloadParser.parse("{" + s)
        StreamPayloadParser.parse("""{"choices":[{"delta":{"content":$s""")
      }
    }
  })
