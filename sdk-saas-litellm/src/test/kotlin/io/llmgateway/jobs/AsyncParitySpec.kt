package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.error.ModelAccessDeniedException
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.error.TeamSuspendedException
import io.llmgateway.stream.StreamResult
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Fault
import java.util.concurrent.CompletionException
import java.util.concurrent.TimeUnit

/** The blocking and the future API behave the same: same values, same errors, same requests. */
class AsyncParitySpec :
  FunSpec({
    /** One way of calling the client: blocking, or through futures. */
    abstract class Api(val name: String) {
      abstract fun create(c: SaasLiteLlmClient, spec: JobSpec): JobCreated

      abstract fun call(c: SaasLiteLlmClient, jobId: String, r: LlmCallRequest): LlmCallResult

      abstract fun complete(c: SaasLiteLlmClient, jobId: String): JobCompletion

      abstract fun stream(c: SaasLiteLlmClient, jobId: String, r: LlmCallRequest): StreamResult

      abstract fun <T> job(c: SaasLiteLlmClient, work: JobWork<T>): JobResult<T>

      abstract fun models(c: SaasLiteLlmClient): List<ModelAlias>

      override fun toString() = name
    }

    fun <T> await(f: java.util.concurrent.CompletableFuture<T>): T =
      try {
        f.get(10, TimeUnit.SECONDS)
      } catch (e: java.util.concurrent.ExecutionException) {
        throw e.cause!!
      }

    val sync =
      object : Api("sync") {
        override fun create(c: SaasLiteLlmClient, spec: JobSpec) = c.createJob(spec)

        override fun call(c: SaasLiteLlmClient, jobId: String, r: LlmCallRequest) =
          c.llmCall(jobId, r)

        override fun complete(c: SaasLiteLlmClient, jobId: String) =
          c.completeJob(jobId, JobOutcome.completed())

        override fun stream(c: SaasLiteLlmClient, jobId: String, r: LlmCallRequest) =
          c.llmCallStream(jobId, r).use { s ->
            s.forEach {}
            s.result()
          }

        override fun <T> job(c: SaasLiteLlmClient, work: JobWork<T>) =
          c.runJob(JobSpec.of("p"), work)

        override fun models(c: SaasLiteLlmClient): List<ModelAlias> = c.models()
      }
    val async =
      object : Api("async") {
        override fun create(c: SaasLiteLlmClient, spec: JobSpec) = await(c.async().createJob(spec))

        override fun call(c: SaasLiteLlmClient, jobId: String, r: LlmCallRequest) =
          await(c.async().llmCall(jobId, r))

        override fun complete(c: SaasLiteLlmClient, jobId: String) =
          await(c.async().completeJob(jobId, JobOutcome.completed()))

        override fun stream(c: SaasLiteLlmClient, jobId: String, r: LlmCallRequest) =
          await(c.async().llmCallStream(jobId, r) {})

        override fun <T> job(c: SaasLiteLlmClient, work: JobWork<T>) =
          await(c.async().runJob(JobSpec.of("p"), work))

        override fun models(c: SaasLiteLlmClient): List<ModelAlias> = await(c.async().models())
      }

    context("parity") {
      withData(
        nameFn = { (api, mode) -> "${api.name}, ${mode.name.lowercase()}" },
        BOTH_MODES.flatMap { mode -> listOf(sync to mode, async to mode) },
      ) { (api, mode) ->
        fake(mode).use { gateway: FakeGateway ->
          val client = gateway.client()
          val job = api.create(client, JobSpec.of("p"))
          api.call(client, job.jobId(), question()).content()!!.isNotEmpty() shouldBe true
          api.stream(client, job.jobId(), question()).text().isNotEmpty() shouldBe true
          api.complete(client, job.jobId()).status() shouldBe JobStatus.COMPLETED
          gateway.state().job(job.jobId()).completeCount() shouldBe 1

          shouldThrow<TeamSuspendedException> {
            api.create(gateway.client("umbrella"), JobSpec.of("p"))
          }
          shouldThrow<ModelAccessDeniedException> {
            api.call(client, job.jobId(), question(model = "chat-premium"))
          }

          gateway
            .faults()
            .on("POST", "/api/jobs/*/llm-call-stream")
            .next(Fault.disconnectAfterEvents(2))
            .thenPass()
          shouldThrow<StreamInterruptedException> { api.stream(client, job.jobId(), question()) }
            .chunksReceived() shouldBe 2

          var failedJob = ""
          shouldThrow<IllegalArgumentException> {
            api.job<String>(client) { scope ->
              failedJob = scope.jobId()
              throw IllegalArgumentException("bad input")
            }
          }
          gateway.state().job(failedJob).status() shouldBe "FAILED"
          gateway.state().job(failedJob).completeCount() shouldBe 1
          api.job(client) { it.llmCall(question()).tokensUsed() }.completion().status() shouldBe
            JobStatus.COMPLETED
          api.models(client).map { it.modelAlias() } shouldContain "chat-claude"
          gateway.requestsTo("POST", "/llm-call-stream") shouldBe 2
          gateway.requestsTo("POST", "/complete") shouldBe 3
        }
      }
    }

    test("a failed future carries the same typed error, also through join()") {
      fake().use { gateway ->
        val error =
          shouldThrow<CompletionException> {
            gateway.client("hooli").async().createJob(JobSpec.of("p")).join()
          }
        error.cause.shouldBeInstanceOf<LlmGatewayException>()
      }
    }
  })
