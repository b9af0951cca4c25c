package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import io.llmgateway.pipeline.CallInterruptedException
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.testing.fault.Fault
import java.util.concurrent.CancellationException
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** An interrupted or cancelled job scope still completes its job, once, as failed. */
class JobCancellationSpec :
  FunSpec({
    test("work interrupted during a retry wait: the job fails once and the flag stays set") {
      fake().use { gateway ->
        gateway.faults().on("POST", "/api/jobs/*/llm-call").next(Fault.status(503)).thenPass()
        // The interrupt reaches the work's thread while the llm-call waits to retry (the wait
        // itself runs off that thread, and outlasts the test).
        val caller = Thread.currentThread()
        val interruptedWait = Sleeper {
          caller.interrupt()
          Thread.sleep(2_000)
        }
        var jobId = ""
        val error =
          shouldThrow<CallInterruptedException> {
            gateway.client(sleeper = interruptedWait).runJob(JobSpec.of("x")) { job ->
              jobId = job.jobId()
              job.llmCall(question())
            }
          }
        Thread.interrupted() shouldBe true // restored for the caller (and cleared here)
        error.suppressed.size shouldBe 0 // the complete itself went through
        val job = gateway.state().job(jobId)
        job.completeCount() shouldBe 1
        job.status() shouldBe "FAILED"
        job.errorMessage()!! shouldStartWith "cancelled: call"
        gateway.requestsTo("POST", "/complete") shouldBe 1
      }
    }

    test("work that throws on an interrupted thread: its own error, one failed complete") {
      fake().use { gateway ->
        var jobId = ""
        val error =
          shouldThrow<IllegalStateException> {
            gateway.client().runJob(JobSpec.of("x")) { job ->
              jobId = job.jobId()
              Thread.currentThread().interrupt()
              error("gave up")
            }
          }
        Thread.interrupted() shouldBe true
        error.message shouldBe "gave up"
        error.suppressed.size shouldBe 0
        gateway.state().job(jobId).completeCount() shouldBe 1
        gateway.state().job(jobId).status() shouldBe "FAILED"
        gateway.state().job(jobId).errorMessage() shouldBe "gave up"
      }
    }

    test("work that returns with the thread interrupted still completes its job as completed") {
      fake().use { gateway ->
        val result =
          gateway.client().runJob(JobSpec.of("x")) {
            Thread.currentThread().interrupt()
            "ok"
          }
        Thread.interrupted() shouldBe true
        result.completion().status() shouldBe JobStatus.COMPLETED
        gateway.state().job(result.jobId()).completeCount() shouldBe 1
      }
    }

    test("a cancelled async runJob interrupts the work and fails the job once") {
      fake().use { gateway ->
        val pool = Executors.newSingleThreadExecutor()
        val client = gateway.client { asyncExecutor(pool) }
        val started = CountDownLatch(1)
        var jobId = ""
        val future =
          client.async().runJob(JobSpec.of("x")) { job ->
            jobId = job.jobId()
            job.llmCall(question())
            started.countDown()
            CountDownLatch(1).await() // blocks until the cancel interrupts it
            "never"
          }
        started.await(10, TimeUnit.SECONDS) shouldBe true
        future.cancel(true) shouldBe true
        pool.shutdown()
        pool.awaitTermination(10, TimeUnit.SECONDS) shouldBe true
        shouldThrow<CancellationException> { future.join() }
        val job = gateway.state().job(jobId)
        job.completeCount() shouldBe 1
        job.status() shouldBe "FAILED"
        job.errorMessage()!! shouldContain "cancelled"
      }
    }
  })
