package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.testing.fault.Fault
import java.time.Duration

class RetryAndSecretsSpec :
  FunSpec({
    test("a 429 without Retry-After waits for the window's X-RateLimit reset") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").next(Fault.rateLimited()).thenPass()
        val sleeper = gateway.fakeClock()
        gateway.hiveClient(sleeper = sleeper::sleep).chat(ask()).text() shouldBe
          "Fake reply to: hello there"
        gateway.chatRequests() shouldBe 2
        // The fake's window resets at 12:30:00; the clock started at 12:29:15.
        val waited = sleeper.sleeps().fold(Duration.ZERO, Duration::plus)
        (waited >= Duration.ofSeconds(44)) shouldBe true
      }
    }

    test("a stream that fails before its first chunk is retried like any call") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(Fault.status(503))
          .next(Fault.disconnectAfterRequest())
          .thenPass()
        val result = gateway.hiveClient().stream(ask()) {}
        result.text() shouldBe "Fake reply to: hello there"
        gateway.chatRequests() shouldBe 3
      }
    }

    test("the key never appears in an error's message, raw body or toString") {
      fakeHive().use { gateway ->
        val keys = listOf("sk-unknown-canary-key", "sk-fake-hive-broke", "sk-fake-hive-old")
        for (key in keys) {
          val e = shouldThrow<LlmGatewayException> { gateway.hiveClient(key = key).chat(ask()) }
          e.message!! shouldNotContain key
          e.rawBody() shouldNotContain key
          e.toString() shouldNotContain key
        }
        gateway.faults().on("POST", "/chat/completions").thenAlways(Fault.status(503))
        val client = gateway.hiveClient(key = "sk-unknown-canary-key")
        client.checkBalance().reason() shouldNotContain "sk-unknown-canary-key"
        client.toString() shouldNotContain "sk-unknown-canary-key"
      }
    }

    test("a key the server echoes never reaches the OpenAI SDK's exception on the drop-in path") {
      fakeHive().use { gateway ->
        val key = "sk-fake-hive"
        val echo =
          Fault.openAiError(
            401,
            "Incorrect API key provided: $key. You can find your API key at ...",
            "invalid_request_error",
            "invalid_api_key",
          )
        gateway.faults().on("POST", "/chat/completions").thenAlways(echo)
        val hive = gateway.hiveClient(key = key)
        val sdkError =
          shouldThrow<RuntimeException> { hive.openAi().chat().completions().create(ask()) }
        // The body was redacted before the SDK read it: its message, its parsed body, its cause.
        generateSequence<Throwable>(sdkError) { it.cause }
          .forEach { it.toString() shouldNotContain "fake-hive" }
        (sdkError as com.openai.errors.OpenAIServiceException).body().toString() shouldNotContain
          "fake-hive"
        hive.translate(sdkError).toString() shouldNotContain "fake-hive"
      }
    }
  })
