package io.llmgateway.coroutines

import io.kotest.assertions.nondeterministic.eventually
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.cost.ModelPrice
import io.llmgateway.cost.PriceTable
import io.llmgateway.jobs.JobStatus
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.runBlocking

/** `job(type) { }` completes exactly once: on success, on failure, on cancellation. */
class JobBlockSpec :
  FunSpec({
    test("the block's value comes back with the job's costs, completed once") {
      fake().use { gateway ->
        runBlocking {
          val prices =
            PriceTable.builder().put("chat-fast", ModelPrice.perMillion("1", "1")).build()
          val done =
            gateway
              .suspendingClient { priceTable(prices) }
              .job("analysis") {
                llmCall(question()).content() + llmCallStream(question()).collectText()
              }
          done.value().isNotEmpty() shouldBe true
          done.completion().status() shouldBe JobStatus.COMPLETED
          done.serverCosts()!!.totalCalls() shouldBe 2
          done.costsByModel().single().calls() shouldBe 2
          gateway.state().job(done.jobId()).completeCount() shouldBe 1
        }
      }
    }

    test("a failing block completes the job once as failed and rethrows") {
      fake().use { gateway ->
        runBlocking {
          var id = ""
          shouldThrow<IllegalStateException> {
            gateway.suspendingClient().job("analysis") {
              id = jobId
              llmCall(question())
              error("model answer unusable")
            }
          }
          val job = gateway.state().job(id)
          job.completeCount() shouldBe 1
          job.status() shouldBe "FAILED"
          job.errorMessage()!! shouldContain "unusable"
        }
      }
    }

    test("a cancelled block completes the job once as failed, in a non-cancellable context") {
      fake().use { gateway ->
        runBlocking {
          val inside = CompletableDeferred<String>()
          val running = async {
            gateway.suspendingClient().job("analysis") {
              inside.complete(jobId)
              awaitCancellation()
            }
          }
          val id = inside.await()
          running.cancelAndJoin()
          shouldThrow<CancellationException> { running.await() }
          eventually(5.seconds) {
            gateway.state().job(id).completeCount() shouldBe 1
            gateway.state().job(id).status() shouldBe "FAILED"
          }
        }
      }
    }

    test("a cut stream inside the block fails the job once") {
      fake().use { gateway ->
        gateway
          .faults()
          .on("POST", "/api/jobs/*/llm-call-stream")
          .next(Fault.disconnectAfterEvents(2))
          .thenPass()
        runBlocking {
          var id = ""
          shouldThrow<io.llmgateway.error.StreamInterruptedException> {
            gateway.suspendingClient().job("analysis") {
              id = jobId
              llmCallStream(question()).collectText()
            }
          }
          gateway.state().job(id).completeCount() shouldBe 1
        }
      }
    }

    test("a complete whose answer is lost is confirmed, not repeated") {
      fake().use { gateway ->
        gateway
          .faults()
          .on("POST", "/api/jobs/*/complete")
          .next(Fault.delayHeaders(Duration.ofSeconds(2)))
          .thenPass()
        runBlocking {
          val done =
            gateway
              .suspendingClient {
                timeouts(
                  io.llmgateway.pipeline.Timeouts.custom()
                    .timeout(io.llmgateway.pipeline.Endpoint.JOBS_COMPLETE, Duration.ofMillis(300))
                    .build()
                )
              }
              .job("analysis") { "ok" }
          done.completion().confirmedByRead() shouldBe true
          gateway.state().job(done.jobId()).completeCount() shouldBe 1
        }
      }
    }
  })
