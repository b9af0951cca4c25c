package io.llmgateway.reliability.fuzz

import com.code_intelligence.jazzer.junit.FuzzTest
import io.llmgateway.error.ErrorClassifier
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.error.Provider
import io.llmgateway.error.StreamErrorEventException
import io.llmgateway.internal.stream.StreamAccumulator

/**
 * Fuzzes the stream chunk parser through the accumulator every stream path uses: the input is a
 * sequence of `data:` payloads separated by NUL bytes. Each payload gives a chunk, nothing, or our
 * stream error event; the end gives a summary or our interruption error. Nothing else may escape,
 * and the text kept is exactly the deltas handed out.
 */
class StreamChunkFuzzTest {
  @FuzzTest
  fun parsesEveryPayload(input: ByteArray) {
    val accumulator = StreamAccumulator(Provider.HIVEOPS, ErrorClassifier.create())
    val handedOut = StringBuilder()
    for (payload in String(input, Charsets.UTF_8).split('\u0000')) {
      try {
        accumulator.accept(payload)?.let { handedOut.append(it.textDelta()) }
      } catch (e: StreamErrorEventException) {
        check(e.partialText() == handedOut.toString()) { "partial text differs" }
        return
      }
    }
    check(accumulator.text() == handedOut.toString()) { "kept text differs from the deltas" }
    try {
      accumulator.finish()
      check(accumulator.isComplete()) { "finished without a terminal signal" }
    } catch (e: LlmGatewayException) {
      check(!accumulator.isComplete()) { "complete stream reported as ${e.javaClass.simpleName}" }
    }
    accumulator.usage()?.let { check(it.totalTokens() >= 0) }
  }
}
