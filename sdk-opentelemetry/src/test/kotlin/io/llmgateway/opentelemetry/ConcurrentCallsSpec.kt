package io.llmgateway.opentelemetry

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.llmgateway.error.Provider
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Fault
import java.util.concurrent.CompletableFuture
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * One listener, many calls at once from caller threads and OkHttp's (futures), with random 503s
 * retried: every call gets exactly its own span and its own attempts, and nothing stays behind.
 */
class ConcurrentCallsSpec :
  FunSpec({
    test("concurrent blocking and async calls keep their spans and attempts apart") {
      FakeGateway.builder().hiveOpsLimits(10_000, 10_000_000).start().use { fake ->
        val traces = Traces()
        val listener = OpenTelemetryCallListener.of(traces.sdk)
        val flaky = Fault.sometimes(0.2, 7, Fault.status(503))
        fake.faults().on("POST", "/chat/completions").thenAlways(flaky)
        fake.faults().on("POST", "/api/jobs/create-and-call").thenAlways(flaky)
        val sleeper = fake.fakeClock()
        val hive =
          HiveOpsClient.builder()
            .baseUrl(fake.hiveOpsBaseUrl())
            .apiKey("sk-fake-hive")
            .provider(Provider.HIVEOPS)
            .clock(fake.fakeClock())
            .sleeper(sleeper::sleep)
            .listener(listener)
            .build()
        val jobs =
          SaasLiteLlmClient.builder()
            .baseUrl(fake.saasBaseUrl())
            .teamId("acme")
            .virtualKey("sk-fake-acme")
            .clock(fake.fakeClock())
            .sleeper(sleeper::sleep)
            .listener(listener)
            .build()
        val params =
          ChatCompletionCreateParams.builder()
            .model("llama3:8b-instruct-q8_0")
            .addUserMessage("hi")
            .build()
        val request = LlmCallRequest.builder("chat-fast").user("hi").build()

        val pool = Executors.newFixedThreadPool(4)
        val work = mutableListOf<CompletableFuture<*>>()
        repeat(40) { work += CompletableFuture.runAsync({ hive.chat(params) }, pool) }
        repeat(40) { work += hive.openAi().async().chat().completions().create(params) }
        repeat(40) { work += jobs.async().createAndCall(JobSpec.of("load"), request) }
        work.forEach { runCatching { it.get(30, TimeUnit.SECONDS) } } // three 503s in a row fail
        pool.shutdown()
        hive.close()
        jobs.close()

        val calls = traces.calls()
        calls shouldHaveSize 120
        calls.map { it.spanId }.toSet() shouldHaveSize 120
        for (call in calls) {
          traces.attemptsOf(call).size.toLong() shouldBe call[SpanAttributes.LLMGW_ATTEMPTS]
        }
        val callIds = calls.map { it.spanId }.toSet()
        traces
          .spans()
          .filter { it.spanId !in callIds && it.parentSpanId !in callIds }
          .shouldBeEmpty()
        listener.callsInFlight() shouldBe 0
      }
    }
  })
