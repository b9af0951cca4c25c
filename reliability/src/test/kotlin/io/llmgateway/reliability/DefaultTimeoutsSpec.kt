package io.llmgateway.reliability

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotBeEmpty
import io.llmgateway.error.Provider
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import java.util.concurrent.CompletableFuture
import okhttp3.OkHttpClient

/**
 * The SDK's own defaults on a real clock: an answer that takes 12 s, past OkHttp's default 10 s
 * read timeout, is waited for (llm-call 60 s, create-and-call 60 s, streams 120 s, HiveOps chat 30
 * s) and sent once, with the app's default OkHttpClient given to both clients.
 */
class DefaultTimeoutsSpec :
  FunSpec({
    test("a 12 s answer is one request and a success, on the SDK's default timeouts") {
      FakeGateway.builder().mode(SaasMode.DOCUMENTED).start().use { gateway ->
        val appHttp = OkHttpClient() // OkHttp's defaults: 10 s connect, read and write
        val saas =
          SaasLiteLlmClient.builder()
            .baseUrl(gateway.saasBaseUrl())
            .teamId("acme")
            .virtualKey("sk-fake-acme")
            .okHttpClient(appHttp)
            .build()
        val hive =
          HiveOpsClient.builder()
            .baseUrl(gateway.hiveOpsBaseUrl())
            .apiKey("sk-fake-hive")
            .provider(Provider.HIVEOPS)
            .okHttpClient(appHttp)
            .build()
        val jobId = saas.createJob(JobSpec.of("slow")).jobId()
        val twelveSeconds = Fault.delayHeaders(Duration.ofSeconds(12))
        for (path in
          listOf(
            "/api/jobs/*/llm-call",
            "/api/jobs/*/llm-call-stream",
            "/api/jobs/create-and-call",
            "/chat/completions",
          )) {
          gateway.faults().on("POST", path).thenAlways(twelveSeconds)
        }
        val ask = LlmCallRequest.builder("chat-fast").user("Tell me about lighthouses").build()
        val chat =
          ChatCompletionCreateParams.builder().model("gpt-4").addUserMessage("hello").build()
        val answers =
          listOf(
            CompletableFuture.supplyAsync { saas.llmCall(jobId, ask).content().orEmpty() },
            CompletableFuture.supplyAsync { saas.llmCallStream(jobId, ask).use { it.readText() } },
            CompletableFuture.supplyAsync {
              saas.createAndCall(JobSpec.of("single"), ask).content().orEmpty()
            },
            CompletableFuture.supplyAsync { hive.chat(chat).text() },
            CompletableFuture.supplyAsync { hive.stream(chat) {}.text() },
            CompletableFuture.supplyAsync {
              hive.openAi().chat().completions().create(chat).choices()[0].message().content().get()
            },
          )
        answers.forEach { it.get().shouldNotBeEmpty() }
        gateway.requestsTo("POST", "/llm-call") shouldBe 1
        gateway.requestsTo("POST", "/llm-call-stream") shouldBe 1
        gateway.requestsTo("POST", "/create-and-call") shouldBe 1
        gateway.requestsTo("POST", "/chat/completions") shouldBe 3
      }
    }
  })
