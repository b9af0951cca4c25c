package io.llmgateway.openai

import com.openai.models.chat.completions.ChatCompletionCreateParams
import com.openai.models.chat.completions.ChatCompletionMessageParam
import com.openai.models.chat.completions.ChatCompletionUserMessageParam
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain

private fun user(text: String): ChatCompletionMessageParam =
  ChatCompletionMessageParam.ofUser(ChatCompletionUserMessageParam.builder().content(text).build())

class GuideAdviceSpec :
  FunSpec({
    test("the sliding window keeps the system prompt and the last N messages") {
      val history = (1..50).map { user("message $it") }
      val window = ChatHistory.slidingWindow("You are brief.", history, 10)
      window.size shouldBe 11
      window[0].isSystem() shouldBe true
      window[1].asUser().content().asText() shouldBe "message 41"
      window[10].asUser().content().asText() shouldBe "message 50"
      ChatHistory.slidingWindow("s", history.take(3), 10).size shouldBe 4
    }

    test("a default max_tokens is applied when the caller sets none") {
      fakeHive().use { gateway ->
        gateway.hiveClient().chat(ask())
        gateway.lastRequest().body() shouldContain "\"max_tokens\":500"
      }
    }

    test("the caller's max_tokens is kept under the cap and clamped above it") {
      fakeHive().use { gateway ->
        val client = gateway.hiveClient { maxTokens(MaxTokensGuard.of(200, 1000)) }
        client.chat(
          ChatCompletionCreateParams.builder()
            .model("gpt-4")
            .addUserMessage("hi")
            .maxTokens(50)
            .build()
        )
        gateway.lastRequest().body() shouldContain "\"max_tokens\":50"
        client.chat(
          ChatCompletionCreateParams.builder()
            .model("gpt-4")
            .addUserMessage("hi")
            .maxTokens(9000)
            .build()
        )
        gateway.lastRequest().body() shouldContain "\"max_tokens\":1000"
        client.chat(ask())
        gateway.lastRequest().body() shouldContain "\"max_tokens\":200"
      }
    }

    test("the guard can be turned off") {
      fakeHive().use { gateway ->
        gateway.hiveClient { maxTokens(MaxTokensGuard.off()) }.chat(ask())
        gateway.lastRequest().body() shouldNotContain "max_tokens"
      }
    }

    test("a default above the cap is refused") {
      shouldThrow<IllegalArgumentException> { MaxTokensGuard.of(5000, 1000) }
    }
  })
