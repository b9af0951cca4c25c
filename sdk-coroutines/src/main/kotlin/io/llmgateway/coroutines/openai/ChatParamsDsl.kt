package io.llmgateway.coroutines.openai

import com.openai.models.chat.completions.ChatCompletionCreateParams

/**
 * Builds OpenAI chat params: `chatParams("gpt-4") { system("Be brief"); user("Hi") }`. The model
 * name is mapped to the gateway's by the client, as for params built by hand.
 */
public fun chatParams(model: String, build: ChatParamsDsl.() -> Unit): ChatCompletionCreateParams =
  ChatParamsDsl(model).apply(build).builder.build()

/** The receiver of [chatParams]. */
public class ChatParamsDsl internal constructor(model: String) {
  internal val builder: ChatCompletionCreateParams.Builder =
    ChatCompletionCreateParams.builder().model(model)

  public fun system(content: String) {
    builder.addSystemMessage(content)
  }

  public fun user(content: String) {
    builder.addUserMessage(content)
  }

  public fun assistant(content: String) {
    builder.addAssistantMessage(content)
  }

  public var temperature: Double? = null
    set(value) {
      field = value
      value?.let { builder.temperature(it) }
    }

  public var maxTokens: Long? = null
    set(value) {
      field = value
      value?.let { builder.maxTokens(it) }
    }
}
