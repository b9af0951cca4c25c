package io.llmgateway.testing.fault

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeInRange
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.kotest.FakeGatewayListener
import java.util.Random
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import okhttp3.OkHttpClient
import okhttp3.Request

private const val REQUESTS = 1_000
private const val SEED = 42L
private const val P = 0.2

/** How many of the first n draws of `new Random(seed)` fall below p: the count to expect. */
private fun strikesOf(seed: Long, p: Double, n: Int): Int {
  val random = Random(seed)
  return (1..n).count { random.nextDouble() < p }
}

class RandomFaultSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    val client = OkHttpClient.Builder().retryOnConnectionFailure(false).build()
    fun statuses(gateway: FakeGateway, n: Int): List<Int> =
      (1..n).map {
        val request = Request.Builder().url(gateway.url() + "/health").build()
        client.newCall(request).execute().use { it.code }
      }

    test("sometimes fails the share of 1,000 requests its seed dictates") {
      fake.gateway.faults().onAny("/health").thenAlways(Fault.sometimes(P, SEED, Fault.status(503)))
      val failed = statuses(fake.gateway, REQUESTS).count { it == 503 }
      failed shouldBe strikesOf(SEED, P, REQUESTS)
      failed shouldBeInRange 170..230 // 200 expected; the seed's draw sits well inside
    }

    test("the same seed fails the same requests; another seed, others") {
      fun run(seed: Long): List<Int> =
        FakeGateway.start().use { gateway ->
          gateway.faults().onAny("/health").thenAlways(Fault.sometimes(P, seed, Fault.status(503)))
          statuses(gateway, 100)
        }
      val first = run(SEED)
      run(SEED) shouldBe first
      run(SEED + 1) shouldNotBe first
      first.toSet() shouldBe setOf(200, 503)
    }

    test("from four threads at once, 1,000 requests still meet exactly the seed's count") {
      fake.gateway.faults().onAny("/health").thenAlways(Fault.sometimes(P, SEED, Fault.status(503)))
      val pool = Executors.newFixedThreadPool(4)
      try {
        val quarters =
          pool.invokeAll(
            List(4) { Callable { statuses(fake.gateway, REQUESTS / 4).count { it == 503 } } }
          )
        quarters.sumOf { it.get(30, TimeUnit.SECONDS) } shouldBe strikesOf(SEED, P, REQUESTS)
      } finally {
        pool.shutdownNow()
      }
    }

    test("p = 0 never strikes, p = 1 always does, and p outside [0, 1] is refused") {
      fake.gateway
        .faults()
        .onAny("/health")
        .times(50, Fault.sometimes(0.0, SEED, Fault.status(503)))
        .thenAlways(Fault.sometimes(1.0, SEED, Fault.status(503)))
      statuses(fake.gateway, 100) shouldBe List(50) { 200 } + List(50) { 503 }
      shouldThrow<IllegalArgumentException> { Fault.sometimes(1.5, SEED, Fault.pass()) }
      shouldThrow<IllegalArgumentException> { Fault.sometimes(Double.NaN, SEED, Fault.pass()) }
    }
  })
