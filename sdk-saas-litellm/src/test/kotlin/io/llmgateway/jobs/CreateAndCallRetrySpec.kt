package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotBeEmpty
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.ConnectionException
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import okhttp3.mockwebserver.SocketPolicy

/**
 * Create-and-call charges a job when it succeeds, so a request that may have been processed is
 * never sent again; one the server refused before doing anything is.
 */
class CreateAndCallRetrySpec :
  FunSpec({
    val plain = "/api/jobs/create-and-call"
    val streamed = "/api/jobs/create-and-call-stream"

    fun short(endpoint: Endpoint): Timeouts =
      Timeouts.custom().timeout(endpoint, Duration.ofMillis(300)).build()

    fun FakeGateway.charges(): Int = state().jobs().sumOf { it.chargeCount() }

    /** One way to send create-and-call. */
    data class Way(val name: String, val path: String, val endpoint: Endpoint) {
      fun send(client: SaasLiteLlmClient): String =
        if (path.endsWith("-stream")) {
          client.createAndCallStream(JobSpec.of("one-shot"), question()).use { it.readText() }
        } else {
          client.createAndCall(JobSpec.of("one-shot"), question()).content()!!
        }

      override fun toString() = name
    }

    val ways =
      listOf(
        Way("create-and-call", plain, Endpoint.JOBS_CREATE_AND_CALL),
        Way("create-and-call-stream", streamed, Endpoint.JOBS_CREATE_AND_CALL_STREAM),
      )

    context("a read timeout after the server took the request is not retried") {
      withData(nameFn = { it.name }, ways) { way ->
        fake().use { gateway ->
          gateway.faults().on("POST", way.path).next(Fault.delayHeaders(Duration.ofSeconds(2)))
          val sleeper = NoSleep()
          val error =
            shouldThrow<LlmGatewayException> {
              way.send(gateway.client(sleeper = sleeper) { timeouts(short(way.endpoint)) })
            }
          error.shouldBeInstanceOf<CallTimeoutException>()
          gateway.requestsTo("POST", way.path) shouldBe 1
          sleeper.waits.size shouldBe 0
          // The fake did the work: one job, charged once. A retry would have charged a second.
          gateway.state().jobs().size shouldBe 1
          gateway.charges() shouldBe 1
        }
      }
    }

    context("a connection cut after the server took the request is not retried") {
      withData(nameFn = { it.name }, ways) { way ->
        fake().use { gateway ->
          gateway
            .faults()
            .on("POST", way.path)
            .next(Fault.socketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST))
          shouldThrow<ConnectionException> { way.send(gateway.client()) }
          gateway.requestsTo("POST", way.path) shouldBe 1
          gateway.state().jobs().size shouldBe 1
          gateway.charges() shouldBe 1
        }
      }
    }

    test("create-and-call: a body cut mid-way is not retried") {
      fake().use { gateway ->
        gateway.faults().on("POST", plain).next(Fault.disconnectDuringBody())
        shouldThrow<ConnectionException> {
          Way("", plain, Endpoint.JOBS_CREATE_AND_CALL).send(gateway.client())
        }
        gateway.requestsTo("POST", plain) shouldBe 1
        gateway.charges() shouldBe 1
      }
    }

    test("create-and-call-stream: a cut after the first chunk keeps the text, sent once") {
      fake().use { gateway ->
        gateway.faults().on("POST", streamed).next(Fault.disconnectAfterEvents(2))
        val error =
          shouldThrow<StreamInterruptedException> {
            Way("", streamed, Endpoint.JOBS_CREATE_AND_CALL_STREAM).send(gateway.client())
          }
        error.chunksReceived() shouldBe 2
        gateway.requestsTo("POST", streamed) shouldBe 1
        gateway.state().jobs().size shouldBe 1
      }
    }

    context("a 503 before anything was processed is retried, and charges once") {
      withData(nameFn = { it.name }, ways) { way ->
        fake().use { gateway ->
          gateway.faults().on("POST", way.path).next(Fault.status(503)).thenPass()
          val sleeper = NoSleep()
          way.send(gateway.client(sleeper = sleeper)).shouldNotBeEmpty()
          gateway.requestsTo("POST", way.path) shouldBe 2
          sleeper.waits.size shouldBe 1
          gateway.state().jobs().size shouldBe 1
          gateway.charges() shouldBe 1
        }
      }
    }
  })
