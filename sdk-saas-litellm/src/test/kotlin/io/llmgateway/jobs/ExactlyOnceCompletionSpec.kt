package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.longs.shouldBeInRange
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.error.CompletionUnknownException
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.net.ConnectException
import java.time.Duration
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import okhttp3.mockwebserver.SocketPolicy

/** Whatever goes wrong, the fake sees one complete per job. */
class ExactlyOnceCompletionSpec :
  FunSpec({
    context("a complete whose answer times out is confirmed by reading the job, not sent again") {
      withData(nameFn = { it.name.lowercase() }, BOTH_MODES) { mode ->
        FakeGateway.start(mode).use { gateway ->
          gateway
            .faults()
            .on("POST", "/api/jobs/*/complete")
            .next(Fault.delayHeaders(Duration.ofSeconds(2)))
            .thenPass()
          val result =
            gateway
              .client { timeouts(shortComplete()) }
              .runJob(JobSpec.of("x")) { it.llmCall(question()).content() }
          result.completion().confirmedByRead() shouldBe true
          result.completion().status() shouldBe JobStatus.COMPLETED
          gateway.requestsTo("POST", "/complete") shouldBe 1
          gateway.state().job(result.jobId()).completeCount() shouldBe 1
          gateway.state().job(result.jobId()).chargeCount() shouldBe 1
          // The complete's cost summary was lost; the job's costs are read instead.
          result.serverCosts() shouldBe null
          result.costReport().shouldNotBeNull().breakdown().size shouldBe 1
        }
      }
    }

    data class Cut(val name: String, val fault: () -> Fault)

    context("a complete processed by the server whose answer is lost is confirmed, charged once") {
      val cuts = BOTH_MODES.flatMap { mode ->
        listOf(
          mode to
            Cut("disconnect after the request") {
              Fault.socketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST)
            },
          mode to Cut("disconnect during the body") { Fault.disconnectDuringBody() },
        )
      }
      withData(nameFn = { (mode, cut) -> "${cut.name}, ${mode.name.lowercase()}" }, cuts) {
        (mode, cut) ->
        FakeGateway.start(mode).use { gateway ->
          gateway.faults().on("POST", "/api/jobs/*/complete").next(cut.fault()).thenPass()
          val result = gateway.client().runJob(JobSpec.of("x")) { it.llmCall(question()) }
          result.completion().confirmedByRead() shouldBe true
          result.completion().status() shouldBe JobStatus.COMPLETED
          gateway.requestsTo("POST", "/complete") shouldBe 1
          gateway.requestsTo("GET", "/api/jobs/${result.jobId()}") shouldBe 1
          val job = gateway.state().job(result.jobId())
          job.completeCount() shouldBe 1
          job.chargeCount() shouldBe 1
          result.costReport().shouldNotBeNull().breakdown().size shouldBe 1
        }
      }
    }

    test("a complete whose body was written is never sent again: unknown after the grace") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        // The fake drops the request without processing it, but nothing tells the client so.
        gateway
          .faults()
          .on("POST", "/api/jobs/*/complete")
          .next(Fault.disconnectAfterRequest())
          .thenPass()
        val sleeper = FakeClock()
        val client =
          gateway.client(sleeper = sleeper::sleep) { completionGrace(Duration.ofSeconds(10)) }
        val job = client.createJob(JobSpec.of("x"))
        val error =
          shouldThrow<CompletionUnknownException> {
            client.completeJob(job.jobId(), JobOutcome.completed())
          }
        error.jobId() shouldBe job.jobId()
        error.message!! shouldContain "not sent again"
        gateway.requestsTo("POST", "/complete") shouldBe 1
        gateway.requestsTo("GET", "/api/jobs/${job.jobId()}") shouldBe sleeper.sleeps().size
        // Read back with backoff until the grace ran out (virtual time: the waits add up to it).
        sleeper.sleeps().fold(Duration.ZERO, Duration::plus).toMillis() shouldBeInRange
          9_000L..10_000L
        gateway.state().job(job.jobId()).completeCount() shouldBe 0
      }
    }

    test("a complete refused before its body was written is sent again, once") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        // The first complete never gets a connection (refused), as when the gateway restarts.
        var refusals = 1
        val refuseFirstComplete = Interceptor { chain ->
          if (chain.request().url.encodedPath.endsWith("/complete") && refusals-- > 0) {
            throw ConnectException("Connection refused")
          }
          chain.proceed(chain.request())
        }
        val http = OkHttpClient.Builder().addInterceptor(refuseFirstComplete).build()
        val sleeper = FakeClock()
        val client = gateway.client(sleeper = sleeper::sleep) { okHttpClient(http) }
        val job = client.createJob(JobSpec.of("x"))
        val done = client.completeJob(job.jobId(), JobOutcome.completed())
        done.status() shouldBe JobStatus.COMPLETED
        done.confirmedByRead() shouldBe false
        gateway.requestsTo("POST", "/complete") shouldBe 1
        gateway.requestsTo("GET", "/api/jobs/${job.jobId()}") shouldBe 0 // provably not sent
        gateway.state().job(job.jobId()).completeCount() shouldBe 1
        sleeper.sleeps().size shouldBe 1
      }
    }

    test("a 503 on complete (nothing applied) sends complete once more, after reading the job") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        gateway.faults().on("POST", "/api/jobs/*/complete").next(Fault.status(503)).thenPass()
        val sleeper = FakeClock()
        val result = gateway.client(sleeper = sleeper::sleep).runJob(JobSpec.of("x")) { "done" }
        result.completion().confirmedByRead() shouldBe false
        result.serverCosts()!!.creditApplied() shouldBe true
        gateway.state().job(result.jobId()).completeCount() shouldBe 1
        gateway.requestsTo("POST", "/complete") shouldBe 2
        sleeper.sleeps().size shouldBe 1
      }
    }

    context("when the work throws, the job is completed once as failed and the error is rethrown") {
      withData(nameFn = { it.name.lowercase() }, BOTH_MODES) { mode ->
        FakeGateway.start(mode).use { gateway ->
          val client = gateway.client()
          var jobId = ""
          val error =
            shouldThrow<IllegalStateException> {
              client.runJob(JobSpec.of("x")) { job ->
                jobId = job.jobId()
                job.llmCall(question())
                error("parser broke on page 3")
              }
            }
          error.message shouldBe "parser broke on page 3"
          val job = gateway.state().job(jobId)
          job.completeCount() shouldBe 1
          job.status() shouldBe "FAILED"
          job.errorMessage()!! shouldContain "parser broke"
          job.chargeCount() shouldBe 0
          gateway.requestsTo("POST", "/complete") shouldBe 1
        }
      }
    }

    test("a cut stream inside the work fails the job once and keeps the partial text") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        gateway
          .faults()
          .on("POST", "/api/jobs/*/llm-call-stream")
          .next(Fault.disconnectAfterEvents(3))
          .thenPass()
        var jobId = ""
        val error =
          shouldThrow<StreamInterruptedException> {
            gateway.client().runJob(JobSpec.of("x")) { job ->
              jobId = job.jobId()
              job.llmCallStream(question()) {}
            }
          }
        error.partialText().isNotEmpty() shouldBe true
        gateway.state().job(jobId).completeCount() shouldBe 1
        gateway.state().job(jobId).status() shouldBe "FAILED"
      }
    }

    test("a complete that is refused (job of another team) is not retried") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        val job = gateway.client().createJob(JobSpec.of("x"))
        shouldThrow<io.llmgateway.error.PermissionDeniedException> {
          gateway.client("initech").completeJob(job.jobId(), JobOutcome.completed())
        }
        gateway.requestsTo("POST", "/complete") shouldBe 1
        gateway.requestsTo("GET", "/api/jobs/${job.jobId()}") shouldBe 0
      }
    }
  })
