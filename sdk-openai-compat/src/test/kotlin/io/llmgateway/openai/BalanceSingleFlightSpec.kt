package io.llmgateway.openai

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.fault.Fault
import java.util.Collections
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import okhttp3.Interceptor

/** Holds every probe on the wire until released, so concurrent checks overlap for sure. */
private class ProbeGate : Interceptor {
  val arrivals = AtomicInteger()
  private val release = CountDownLatch(1)

  override fun intercept(chain: Interceptor.Chain): okhttp3.Response {
    arrivals.incrementAndGet()
    check(release.await(10, TimeUnit.SECONDS)) { "probe gate never released" }
    return chain.proceed(chain.request())
  }

  fun open() = release.countDown()
}

/**
 * [threads] concurrent checkBalance() calls; the gate opens once the first probe is on the wire and
 * every caller is parked (waiting for that probe, or, were it not single-flight, in a probe of its
 * own).
 */
private fun concurrentChecks(
  client: HiveOpsClient,
  gate: ProbeGate,
  threads: Int,
): List<BalanceCheck> {
  val results = Collections.synchronizedList(mutableListOf<BalanceCheck>())
  val workers = List(threads) { Thread { results += client.checkBalance() } }
  workers.forEach(Thread::start)
  val until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
  // Parked inside checkBalance: in a probe of its own (at the gate) or waiting for another's.
  fun parked() = workers.all { w ->
    (w.state == Thread.State.WAITING || w.state == Thread.State.TIMED_WAITING) &&
      w.stackTrace.any { it.methodName == "checkBalance" }
  }
  while ((gate.arrivals.get() == 0 || !parked()) && System.nanoTime() < until) {
    Thread.onSpinWait()
  }
  val overlapped = parked()
  gate.open()
  workers.forEach { it.join(10_000) }
  check(overlapped) { "the checks never overlapped: the test proved nothing" }
  return results.toList()
}

class BalanceSingleFlightSpec :
  FunSpec({
    test("concurrent checks send one probe and all get its answer") {
      fakeHive().use { gateway ->
        val gate = ProbeGate()
        val results = concurrentChecks(gateway.hiveClient { addInterceptor(gate) }, gate, 8)
        gate.arrivals.get() shouldBe 1
        gateway.chatRequests() shouldBe 1
        results.size shouldBe 8
        results.all { it.status() == BalanceCheck.Status.OK } shouldBe true
      }
    }

    test("concurrent callers share an UNKNOWN answer, but the next check asks again") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").thenAlways(Fault.status(503))
        val gate = ProbeGate()
        val client = gateway.hiveClient { addInterceptor(gate) }
        val results = concurrentChecks(client, gate, 4)
        gate.arrivals.get() shouldBe 1
        results.map { it.status() } shouldBe List(4) { BalanceCheck.Status.UNKNOWN }

        client.checkBalance().status() shouldBe BalanceCheck.Status.UNKNOWN // gate already open
        gateway.chatRequests() shouldBe 2
      }
    }
  })
