package io.llmgateway.openai

import com.openai.client.OpenAIClient
import com.openai.models.ChatModel
import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

class MigrationSpec :
  FunSpec({
    test("OpenAI SDK code keeps working with only the base URL and key changed") {
      fakeHive().use { gateway ->
        // Before: OpenAIOkHttpClient.builder().apiKey(openAiKey).build()
        val client: OpenAIClient =
          HiveOpsClient.builder()
            .baseUrl(gateway.hiveOpsBaseUrl())
            .apiKey("sk-fake-hive")
            .build()
            .openAi()

        // Unchanged user code, written for OpenAI:
        val params =
          ChatCompletionCreateParams.builder()
            .model(ChatModel.GPT_3_5_TURBO)
            .addUserMessage("hello there")
            .build()
        val completion = client.chat().completions().create(params)

        completion.choices()[0].message().content().get() shouldBe "Fake reply to: hello there"
        completion.model() shouldBe "llama3:8b-instruct-q8_0"
        gateway.lastRequest().body() shouldContain "\"model\":\"llama3:8b-instruct-q8_0\""
      }
    }

    test("the drop-in client sends no X-Stainless telemetry and maps streamed requests too") {
      fakeHive().use { gateway ->
        val client = gateway.hiveClient().openAi()
        val params =
          ChatCompletionCreateParams.builder().model("gpt-4").addUserMessage("hi").build()
        val text = StringBuilder()
        client.chat().completions().createStreaming(params).use { stream ->
          stream.stream().forEach { chunk ->
            chunk.choices().forEach { text.append(it.delta().content().orElse("")) }
          }
        }

        text.toString() shouldBe "Fake reply to: hi"
        val sent = gateway.lastRequest()
        sent.body() shouldContain "\"model\":\"llama-3-70b-instruct\""
        sent.headers().keys.filter { it.startsWith("x-stainless") }.shouldBeEmpty()
      }
    }

    test("the drop-in client's retries are the pipeline's: the SDK's own are off") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .times(2, io.llmgateway.testing.fault.Fault.status(503))
          .thenPass()
        val events = mutableListOf<io.llmgateway.metrics.CallEvent>()
        val hive = gateway.hiveClient { listener { events += it } }
        hive.openAi().chat().completions().create(ask())
        gateway.chatRequests() shouldBe 3 // the HiveOps policy: three attempts for a 503
        // One call, one client request id on every attempt, and the facade's events for it.
        gateway.requests().map { it.header("x-client-request-id") }.distinct().size shouldBe 1
        events.filterIsInstance<io.llmgateway.metrics.RetryScheduled>().size shouldBe 2
        events.filterIsInstance<io.llmgateway.metrics.CallFinished>().single().error() shouldBe null
        hive.metrics().snapshot().endpoint("chat.completions").shouldNotBeNull()
      }
    }

    test("an exception of the drop-in client translates to the core taxonomy") {
      fakeHive().use { gateway ->
        val hive = gateway.hiveClient(key = "sk-fake-hive-broke")
        val thrown =
          runCatching { hive.openAi().chat().completions().create(ask()) }.exceptionOrNull()
            as RuntimeException
        (hive.translate(thrown) is io.llmgateway.error.InsufficientCreditsException) shouldBe true
      }
    }
  })
