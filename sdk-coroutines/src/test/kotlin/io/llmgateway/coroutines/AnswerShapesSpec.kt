package io.llmgateway.coroutines

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotBeEmpty
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.coroutines.openai.chatParams
import io.llmgateway.error.Provider
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.error.UnexpectedResponseException
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.retry.Jitter
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import okhttp3.mockwebserver.MockResponse

/**
 * Answers that are not what the endpoint sends: too large, cut, the wrong shape, not a stream. Each
 * is a typed error (retried only when it is a transport failure), the same in every call style.
 */
class AnswerShapesSpec :
  FunSpec({
    val quick =
      RetryPolicy.saasLiteLlm()
        .toBuilder()
        .backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(40), Jitter.none())
        .build()

    fun FakeGateway.clients(): Pair<SaasLiteLlmClient, HiveOpsClient> =
      SaasLiteLlmClient.builder()
        .baseUrl(saasBaseUrl())
        .teamId("acme")
        .virtualKey("sk-fake-acme")
        .retryPolicy(quick)
        .maxResponseSize(64 * 1024)
        .maxStreamEventSize(4 * 1024)
        .build() to
        HiveOpsClient.builder()
          .baseUrl(hiveOpsBaseUrl())
          .apiKey("sk-fake-hive")
          .provider(Provider.HIVEOPS)
          .retryPolicy(quick)
          .maxResponseSize(64 * 1024)
          .maxStreamEventSize(4 * 1024)
          .build()

    fun request() = llmCallRequest("chat-fast") { user("Tell me about lighthouses") }

    fun ask() = chatParams("gpt-3.5-turbo") { user("hello there") }

    /** A 200 stream whose first event is [size] bytes long. */
    fun hugeEvent(size: Int) = Fault {
      MockResponse()
        .setHeader("Content-Type", "text/event-stream")
        .setBody("data: {\"choices\":[{\"delta\":{\"content\":\"${"x".repeat(size)}\"}}]}\n\n")
    }

    for (style in Style.entries) {
      context("$style") {
        test("an answer over the size limit is a typed error, read no further, not retried") {
          FakeGateway.builder().mode(SaasMode.DOCUMENTED).start().use { gateway ->
            val (saas, hive) = gateway.clients()
            val jobId = saas.createJob(JobSpec.of("x")).jobId()
            gateway.faults().on("POST", "/api/jobs/*/llm-call").next(Fault.hugeBody(200, 1))
            gateway.faults().on("POST", "/chat/completions").next(Fault.hugeBody(200, 1))
            val styled = Styled(style, saas, hive)
            for (op in listOf(Op.LlmCall(jobId, request()), Op.Chat(ask()))) {
              shouldThrow<UnexpectedResponseException> { styled.run(op) }.message!! shouldContain
                "larger than the 65536-byte limit"
            }
            gateway.requestsTo("POST", "/llm-call") shouldBe 1
            gateway.requestsTo("POST", "/chat/completions") shouldBe 1
          }
        }

        test("a stream event over its limit: typed before the first chunk, text kept after it") {
          FakeGateway.builder().mode(SaasMode.DOCUMENTED).start().use { gateway ->
            val (saas, hive) = gateway.clients()
            val jobId = saas.createJob(JobSpec.of("x")).jobId()
            gateway.faults().on("POST", "/api/jobs/*/llm-call-stream").next(hugeEvent(20_000))
            gateway.faults().on("POST", "/chat/completions").next(hugeEvent(20_000))
            val styled = Styled(style, saas, hive)
            for (op in listOf(Op.LlmCallStream(jobId, request()), Op.ChatStream(ask()))) {
              shouldThrow<UnexpectedResponseException> { styled.run(op) }.message!! shouldContain
                "stream event larger than the 4096-byte limit"
            }
            gateway.requestsTo("POST", "/llm-call-stream") shouldBe 1
            gateway.requestsTo("POST", "/chat/completions") shouldBe 1
          }
        }

        test("a 200 cut mid-body is a connection failure, and retried") {
          FakeGateway.builder().mode(SaasMode.DOCUMENTED).start().use { gateway ->
            val (saas, hive) = gateway.clients()
            val jobId = saas.createJob(JobSpec.of("x")).jobId()
            gateway.faults().on("POST", "/api/jobs/*/llm-call").next(Fault.disconnectDuringBody())
            gateway.faults().on("POST", "/chat/completions").next(Fault.disconnectDuringBody())
            val styled = Styled(style, saas, hive)
            styled.run(Op.LlmCall(jobId, request())).shouldNotBeEmpty()
            styled.run(Op.Chat(ask())) shouldBe "Fake reply to: hello there"
            gateway.requestsTo("POST", "/llm-call") shouldBe 2
            gateway.requestsTo("POST", "/chat/completions") shouldBe 2
          }
        }

        test("a stream request answered with JSON or HTML is one request and says what came") {
          FakeGateway.builder().mode(SaasMode.DOCUMENTED).start().use { gateway ->
            val (saas, hive) = gateway.clients()
            val jobId = saas.createJob(JobSpec.of("x")).jobId()
            gateway
              .faults()
              .on("POST", "/api/jobs/*/llm-call-stream")
              .next(Fault.status(200, "{\"call_id\":\"c1\"}"))
            gateway.faults().on("POST", "/chat/completions").next(Fault.nginxError(200, "OK"))
            val styled = Styled(style, saas, hive)
            shouldThrow<UnexpectedResponseException> {
                styled.run(Op.LlmCallStream(jobId, request()))
              }
              .message!! shouldContain "is not a stream: application/json"
            shouldThrow<UnexpectedResponseException> { styled.run(Op.ChatStream(ask())) }
              .message!! shouldContain "is not a stream: text/html"
            gateway.requestsTo("POST", "/llm-call-stream") shouldBe 1
            gateway.requestsTo("POST", "/chat/completions") shouldBe 1
          }
        }

        test("a 200 that is not the endpoint's answer is an error, not an empty success") {
          FakeGateway.builder().mode(SaasMode.DOCUMENTED).start().use { gateway ->
            val (saas, hive) = gateway.clients()
            val jobId = saas.createJob(JobSpec.of("x")).jobId()
            val openAiBody =
              """{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,""" +
                """"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]}"""
            gateway.faults().on("POST", "/api/jobs/*/llm-call").next(Fault.status(200, openAiBody))
            gateway
              .faults()
              .on("POST", "/chat/completions")
              .next(Fault.status(200, """{"job_id":"j1","status":"COMPLETED"}"""))
            val styled = Styled(style, saas, hive)
            shouldThrow<UnexpectedResponseException> { styled.run(Op.LlmCall(jobId, request())) }
              .message!! shouldContain "no call_id"
            shouldThrow<UnexpectedResponseException> { styled.run(Op.Chat(ask())) }
              .message!! shouldContain "not a chat completion"
          }
        }

        test("an event over the limit after the first chunk keeps the text") {
          FakeGateway.builder().mode(SaasMode.DOCUMENTED).start().use { gateway ->
            val (_, hive) = gateway.clients()
            gateway
              .faults()
              .on("POST", "/chat/completions")
              .next(
                Fault {
                  MockResponse()
                    .setHeader("Content-Type", "text/event-stream")
                    .setBody(
                      "data: {\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}\n\n" +
                        "data: {\"choices\":[{\"delta\":{\"content\":\"${"y".repeat(9_000)}\"}}]}\n\n"
                    )
                }
              )
            val e =
              shouldThrow<StreamInterruptedException> {
                Styled(style, null, hive).run(Op.ChatStream(ask()))
              }
            e.partialText() shouldBe "Hello"
            e.cause.shouldBeInstanceOf<UnexpectedResponseException>()
          }
        }
      }
    }
  })
