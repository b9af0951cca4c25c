package io.llmgateway.coroutines

import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.stream.StreamChunk
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.fold
import kotlinx.coroutines.flow.map

/** Builds an [LlmCallRequest]: `llmCallRequest("chat-fast") { system("Be brief"); user("Hi") }`. */
public fun llmCallRequest(model: String, build: LlmCallRequestDsl.() -> Unit): LlmCallRequest =
  LlmCallRequestDsl(model).apply(build).builder.build()

/** The receiver of [llmCallRequest]. */
public class LlmCallRequestDsl internal constructor(model: String) {
  internal val builder: LlmCallRequest.Builder = LlmCallRequest.builder(model)

  public fun system(content: String) {
    builder.system(content)
  }

  public fun user(content: String) {
    builder.user(content)
  }

  public fun assistant(content: String) {
    builder.message(io.llmgateway.jobs.ChatMessage.assistant(content))
  }

  public var temperature: Double? = null
    set(value) {
      field = value
      value?.let { builder.temperature(it) }
    }

  public var maxTokens: Int? = null
    set(value) {
      field = value
      value?.let { builder.maxTokens(it) }
    }

  public var purpose: String? = null
    set(value) {
      field = value
      value?.let { builder.purpose(it) }
    }

  public fun stop(vararg sequences: String) {
    builder.stop(*sequences)
  }
}

/** Only the text of each chunk, skipping chunks without text. */
public fun Flow<StreamChunk>.textDeltas(): Flow<String> = map {
  it.textDelta()
}
  .filter { it.isNotEmpty() }

/** Collects the whole text of a stream (throws the stream's typed error if it is cut). */
public suspend fun Flow<StreamChunk>.collectText(): String =
  fold(StringBuilder()) { text, chunk -> text.append(chunk.textDelta()) }.toString()

/** Joins a flow of text deltas into the whole text. */
@JvmName("collectDeltas")
public suspend fun Flow<String>.collectText(): String =
  fold(StringBuilder()) { text, delta -> text.append(delta) }.toString()
