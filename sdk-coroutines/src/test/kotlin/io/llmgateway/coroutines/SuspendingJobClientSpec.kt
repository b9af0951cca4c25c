package io.llmgateway.coroutines

import io.kotest.assertions.nondeterministic.eventually
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotBeEmpty
import io.llmgateway.error.ModelAccessDeniedException
import io.llmgateway.error.TeamSuspendedException
import io.llmgateway.jobs.JobOutcome
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.JobStatus
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import java.util.concurrent.Executors
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import okhttp3.mockwebserver.SocketPolicy

/** Every call path of the suspending job client, over real HTTP against the fake gateway. */
class SuspendingJobClientSpec :
  FunSpec({
    test("closing the suspending client closes the job client under it") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        val client =
          SaasLiteLlmClient.builder()
            .baseUrl(gateway.saasBaseUrl())
            .teamId("acme")
            .virtualKey("sk-fake-acme")
            .build()
            .suspending()
        client.use {
          runBlocking { it.health() }
          gateway.openConnections() shouldBe 1 // pooled: only close() lets it go
        }
        eventually(5.seconds) { gateway.openConnections() shouldBe 0 }
      }
    }

    test("every endpoint, suspending") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        runBlocking {
          val client = gateway.suspendingClient()
          val job = client.createJob(JobSpec.of("k"))
          client.getJob(job.jobId()).status() shouldBe JobStatus.PENDING
          client.updateMetadata(job.jobId(), mapOf("a" to "b")).metadata()!!["a"] shouldBe "b"
          client.llmCall(job.jobId(), question()).content()!!.shouldNotBeEmpty()
          client.llmCallStream(job.jobId(), question()).collectText().shouldNotBeEmpty()
          client.completeJob(job.jobId(), JobOutcome.completed()).status() shouldBe
            JobStatus.COMPLETED
          client.jobCosts(job.jobId()).breakdown() shouldHaveSize 2
          client.createAndCall(JobSpec.of("k"), question()).status() shouldBe JobStatus.COMPLETED
          client
            .createAndCallStream(JobSpec.of("k"), question("chat-gemini"))
            .textDeltas()
            .collectText()
            .shouldNotBeEmpty()
          client.teamJobs(status = JobStatus.COMPLETED).jobs().size shouldBe 3
          client.teamUsage("2026-03").teamId() shouldBe "acme"
          client.creditBalance().creditsRemaining() shouldBe 997
          client.creditTransactions().transactions() shouldHaveSize 3
          client.checkCredits(1).hasCredits() shouldBe true
          client.team().teamId() shouldBe "acme"
          client.resolveModelGroup("legacy-chat").teamHasAccess() shouldBe true
          client.health().status() shouldBe "healthy"
          gateway.state().job(job.jobId()).completeCount() shouldBe 1
        }
      }
    }

    test("typed errors, and what is retried is retried (counted on the fake)") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        runBlocking {
          shouldThrow<TeamSuspendedException> {
            gateway.suspendingClient("umbrella").createJob(JobSpec.of("k"))
          }
          val client = gateway.suspendingClient()
          val job = client.createJob(JobSpec.of("k"))
          shouldThrow<ModelAccessDeniedException> {
            client.llmCall(job.jobId(), question("chat-premium"))
          }
          gateway.requestsTo("POST", "/llm-call") shouldBe 1

          gateway.faults().on("GET", "/api/jobs/*").times(2, Fault.status(503)).thenPass()
          client.getJob(job.jobId()).jobId() shouldBe job.jobId()
          gateway.requestsTo("GET", "/api/jobs/${job.jobId()}") shouldBe 3
        }
      }
    }

    test("a lost complete answer is confirmed by reading the job, not sent twice") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        runBlocking {
          val client = gateway.suspendingClient()
          val job = client.createJob(JobSpec.of("k"))
          gateway
            .faults()
            .on("POST", "/api/jobs/*/complete")
            .next(Fault.socketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST))
            .thenPass()
          client.completeJob(job.jobId(), JobOutcome.completed()).confirmedByRead() shouldBe true
          gateway.state().job(job.jobId()).completeCount() shouldBe 1
        }
      }
    }

    test("cancelling an in-flight llmCall closes the connection and frees OkHttp's dispatcher") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        val http = okhttp3.OkHttpClient()
        runBlocking {
          val client = gateway.suspendingClient(http = http)
          val job = client.createJob(JobSpec.of("k"))
          // Start from no connection at all, so the only one left is the call's.
          http.connectionPool.evictAll()
          eventually(5.seconds) { gateway.openConnections() shouldBe 0 }
          gateway
            .faults()
            .on("POST", "/api/jobs/*/llm-call")
            .next(Fault.delayHeaders(Duration.ofSeconds(2)))
            .thenPass()
          val call = launch { client.llmCall(job.jobId(), question()) }
          eventually(5.seconds) {
            gateway.requestsTo("POST", "/llm-call") shouldBe 1
            http.dispatcher.runningCallsCount() shouldBe 1
          }
          call.cancelAndJoin()
          // A call that had completed would leave its connection open in the pool.
          eventually(5.seconds) {
            gateway.openConnections() shouldBe 0
            http.dispatcher.runningCallsCount() shouldBe 0
          }
          gateway.requestsTo("POST", "/llm-call") shouldBe 1
        }
      }
    }

    test("no thread waits: 40 slow calls finish together on one thread") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        gateway.faults().on("GET", "/health").thenAlways(Fault.delayHeaders(Duration.ofMillis(300)))
        val http =
          okhttp3.OkHttpClient.Builder()
            .dispatcher(okhttp3.Dispatcher().apply { maxRequestsPerHost = 64 })
            .build()
        val client = gateway.suspendingClient(http = http)
        val single = Executors.newSingleThreadExecutor().asCoroutineDispatcher()
        val started = System.nanoTime()
        single.use { dispatcher ->
          runBlocking {
            withContext(dispatcher) { (1..40).map { async { client.health() } }.awaitAll() }
              .size shouldBe 40
          }
        }
        // 40 x 300 ms in sequence would be 12 s; on one thread they only overlap if nothing blocks.
        ((System.nanoTime() - started) / 1_000_000 < 6_000) shouldBe true
      }
    }
  })
