package io.llmgateway.testing.kotest

import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.concurrency.TestExecutionMode
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.ACME
import io.llmgateway.testing.Http
import io.llmgateway.testing.createJobBody
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.withTimeout

/** A meeting point for two tests: whoever comes second lets both go on. */
private class Meeting {
  private val arrived = AtomicInteger()
  private val both = CompletableDeferred<Unit>()

  suspend fun meet() {
    if (arrived.incrementAndGet() == 2) both.complete(Unit)
    withTimeout(10_000) { both.await() } // fails, rather than hangs, if tests ran one by one
  }
}

/** Two tests that provably run at once each keep their own gateway. */
class ConcurrentListenerSpec :
  FunSpec({
    testExecutionMode = TestExecutionMode.Concurrent
    val fake = extension(FakeGatewayListener())
    val started = Meeting()
    val created = Meeting()

    for (name in listOf("first", "second")) {
      test("the $name of two concurrent tests sees only its own gateway") {
        val mine = fake.gateway
        started.meet() // both gateways are running now
        fake.gateway shouldBe mine
        Http(fake.gateway.url(), ACME).post("/api/jobs/create", createJobBody()).status shouldBe 200
        created.meet() // both tests have created a job
        fake.gateway.state().jobs().size shouldBe 1
      }
    }
  })
