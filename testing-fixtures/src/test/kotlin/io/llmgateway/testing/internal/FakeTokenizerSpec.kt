package io.llmgateway.testing.internal

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

class FakeTokenizerSpec :
  FunSpec({
    test("common words are one token each, punctuation one more, as in cl100k") {
      FakeTokenizer.count("The quick brown fox jumps over the lazy dog.") shouldBe 10
      FakeTokenizer.count("hello there") shouldBe 2
    }

    test("long words split every 6 letters, numbers every 3 digits") {
      FakeTokenizer.count("internationalization") shouldBe 4
      FakeTokenizer.count("1234567") shouldBe 3
      FakeTokenizer.count("v2") shouldBe 2
    }

    test("line breaks, ideographs and symbols are tokens; spaces join the next token") {
      FakeTokenizer.count("a\n\nb") shouldBe 3
      FakeTokenizer.count("日本語") shouldBe 3
      FakeTokenizer.count("   ") shouldBe 1
      FakeTokenizer.count("") shouldBe 0
    }

    test("token ends cut the text back into itself, spaces in front") {
      val text = "Fake reply to: quarterly numbers"
      val ends = FakeTokenizer.ends(text)
      var start = 0
      val pieces = ends.map { end -> text.substring(start, end).also { start = end } }
      pieces shouldBe listOf("Fake", " reply", " to", ":", " quarte", "rly", " number", "s")
      pieces.joinToString("") shouldBe text
    }

    test("a chat prompt adds OpenAI's framing: 3 per message, 1 per role, 3 for the reply") {
      FakeTokenizer.promptTokens(
        listOf(mapOf("role" to "user", "content" to "hello there"))
      ) shouldBe 9
      FakeTokenizer.promptTokens(
        listOf(mapOf("role" to "user", "name" to "ann", "content" to "hi"))
      ) shouldBe 10
    }

    test("a completion's pieces are its stream chunks and its completion tokens") {
      val completion =
        FakeCompletion.of(listOf(mapOf("role" to "user", "content" to "hello   there")), null)
      completion.content() shouldBe "Fake reply to: hello there"
      completion.pieces() shouldBe listOf("Fake", " reply", " to", ":", " hello", " there")
      completion.completionTokens() shouldBe 6
      FakeCompletion.of(listOf(mapOf("role" to "user", "content" to "x")), 2).content() shouldBe
        "Fake reply"
    }
  })
