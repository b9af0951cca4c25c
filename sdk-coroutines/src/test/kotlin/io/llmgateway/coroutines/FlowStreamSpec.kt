package io.llmgateway.coroutines

import io.kotest.assertions.nondeterministic.eventually
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotBeEmpty
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.StreamErrorEventException
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.jobs.JobSpec
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import okhttp3.OkHttpClient

class FlowStreamSpec :
  FunSpec({
    test("a cold flow: nothing is sent until collected, each collection is a new call") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        runBlocking {
          val client = gateway.suspendingClient()
          val job = client.createJob(JobSpec.of("s"))
          val flow = client.llmCallStream(job.jobId(), question())
          gateway.requestsTo("POST", "/llm-call-stream") shouldBe 0
          val first = flow.collectText()
          val second = flow.collectText()
          first shouldBe second
          gateway.requestsTo("POST", "/llm-call-stream") shouldBe 2
        }
      }
    }

    test("a cut stream raises the interruption with the partial text") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        runBlocking {
          val client = gateway.suspendingClient()
          val job = client.createJob(JobSpec.of("s"))
          val full = client.llmCallStream(job.jobId(), question()).collectText()
          gateway
            .faults()
            .on("POST", "/api/jobs/*/llm-call-stream")
            .next(Fault.disconnectAfterEvents(3))
            .thenPass()
          val error =
            shouldThrow<StreamInterruptedException> {
              client.llmCallStream(job.jobId(), question()).toList()
            }
          error.chunksReceived() shouldBe 3
          full shouldStartWith error.partialText()
        }
      }
    }

    test("the idle timeout is typed and keeps the text, never a TimeoutCancellationException") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        runBlocking {
          val client = gateway.suspendingClient { streamIdleTimeout(Duration.ofMillis(300)) }
          val job = client.createJob(JobSpec.of("s"))
          gateway
            .faults()
            .on("POST", "/api/jobs/*/llm-call-stream")
            .next(Fault.stallBody(700, Duration.ofSeconds(5)))
            .thenPass()
          val error =
            shouldThrow<StreamInterruptedException> {
              client.llmCallStream(job.jobId(), question()).collectText()
            }
          error.message!! shouldContain "no chunk for 300 ms"
          error.partialText().shouldNotBeEmpty()
          error.cause.shouldBeInstanceOf<CallTimeoutException>().kind() shouldBe
            CallTimeoutException.Kind.READ
        }
      }
    }

    test("the total stream timeout is typed too") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        runBlocking {
          val client = gateway.suspendingClient {
            timeouts(Timeouts.custom().streamTimeout(Duration.ofMillis(600)).build())
            streamIdleTimeout(Duration.ofSeconds(5))
          }
          val job = client.createJob(JobSpec.of("s"))
          gateway
            .faults()
            .on("POST", "/api/jobs/*/llm-call-stream")
            .next(Fault.stallBody(700, Duration.ofSeconds(5)))
            .thenPass()
          val error =
            shouldThrow<StreamInterruptedException> {
              client.llmCallStream(job.jobId(), question()).collectText()
            }
          error.message!! shouldContain "total stream timeout"
          error.cause.shouldBeInstanceOf<CallTimeoutException>().kind() shouldBe
            CallTimeoutException.Kind.TOTAL
        }
      }
    }

    test("an error event is a typed stream error") {
      FakeGateway.builder().mode(SaasMode.REAL_SERVER).llmCallStreamHeadBug(true).start().use {
        gateway ->
        runBlocking {
          val client = gateway.suspendingClient()
          val job = client.createJob(JobSpec.of("s"))
          shouldThrow<StreamErrorEventException> {
            client.llmCallStream(job.jobId(), question()).collectText()
          }
        }
      }
    }

    test("cancelling the collector closes the connection: the gateway sees it go") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        val http = OkHttpClient()
        runBlocking {
          val client = gateway.suspendingClient(http = http)
          val job = client.createJob(JobSpec.of("s"))
          // Start from no connection at all, so the only one left is the stream's.
          http.connectionPool.evictAll()
          eventually(5.seconds) { gateway.openConnections() shouldBe 0 }
          gateway
            .faults()
            .on("POST", "/api/jobs/*/llm-call-stream")
            .next(Fault.stallBody(200, Duration.ofMillis(100)))
            .thenPass()
          val collector = launch { client.llmCallStream(job.jobId(), question()).collect {} }
          eventually(5.seconds) {
            gateway.requestsTo("POST", "/llm-call-stream") shouldBe 1
            gateway.openConnections() shouldBe 1
          }
          collector.cancelAndJoin()
          eventually(5.seconds) {
            gateway.openConnections() shouldBe 0
            http.dispatcher.runningCallsCount() shouldBe 0
          }
        }
      }
    }

    test("taking the first chunk stops the stream early") {
      FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
        runBlocking {
          val client = gateway.suspendingClient()
          client.createAndCallStream(JobSpec.of("s"), question()).first().shape().name shouldBe
            "OPENAI"
        }
      }
    }
  })
