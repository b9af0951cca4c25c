package io.llmgateway.ratelimit.redis

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimitStore
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import java.time.Duration
import java.time.Instant
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds

/**
 * Eight app instances (threads, each with its own store connection, limiter and executor) share one
 * HiveOps key limited to 60 requests per 2 s window, and send 300 requests together. Time is
 * virtual ([VirtualTime] on the gateway's clock): the floor is 8.0 s, five windows from a window
 * boundary. A quick check of the shared arithmetic only: separate processes on a real clock are
 * [FleetSpec]'s.
 */
class FleetBurstSpec :
  FunSpec({
    val clients = 8
    val requests = 300
    val window = Duration.ofSeconds(2)
    val start = Instant.parse("2026-03-20T12:30:00Z") // a window boundary
    val limits =
      RateLimitConfig.custom().requestsPerWindow(60).tokensPerWindow(150_000).window(window).build()

    class Outcome(val succeeded: Int, val failed: Int, val rateLimited: Int, val elapsed: Duration)

    /** Runs the burst; [storeFor] gives client i its store (closed afterwards if closeable). */
    fun burst(storeFor: (Int, FakeClock) -> RateLimitStore): Outcome {
      val clock = FakeClock(start)
      FakeGateway.builder()
        .clock(clock)
        .hiveOpsRateWindow(window)
        .hiveOpsLimits(60, 150_000)
        .start()
        .use { gateway ->
          val time = VirtualTime(clock, clients)
          val stores = (0 until clients).map { storeFor(it, clock) }
          val callers = stores.map {
            HiveOpsCaller(
              gateway.hiveOpsBaseUrl(),
              RateLimiter.of(limits, it, "hiveops:sk-fake-hive"),
              clock,
              time.sleeper,
            )
          }
          val jobs = AtomicInteger(requests)
          val succeeded = AtomicInteger()
          val failed = AtomicInteger()
          val pool = Executors.newFixedThreadPool(clients)
          try {
            callers.forEach { caller ->
              pool.execute {
                try {
                  while (jobs.getAndDecrement() > 0) {
                    try {
                      caller.chat()
                      succeeded.incrementAndGet()
                    } catch (e: LlmGatewayException) {
                      failed.incrementAndGet()
                    }
                  }
                } finally {
                  time.done()
                }
              }
            }
            pool.shutdown()
            check(pool.awaitTermination(40, TimeUnit.SECONDS)) { "burst did not finish" }
          } finally {
            pool.shutdownNow()
            stores.forEach { (it as? AutoCloseable)?.close() }
          }
          val rejected =
            gateway.requests().size - gateway.state().hiveOpsKey("sk-fake-hive").totalRequests()
          callers.sumOf { it.rateLimited.get() } shouldBe
            rejected.toInt() // client and server agree
          return Outcome(
            succeeded.get(),
            failed.get(),
            rejected.toInt(),
            Duration.between(start, clock.instant()),
          )
        }
    }

    fun report(name: String, o: Outcome) =
      println(
        "$name: $clients clients, $requests requests, 60 per ${window.seconds} s:" +
          " ${o.succeeded} ok, ${o.failed} failed, ${o.rateLimited} x 429," +
          " virtual time ${o.elapsed.toMillis() / 1000.0} s (floor 8.0 s)"
      )

    test("sharing one Redis window, the fleet bursts with zero 429s in the floor time").config(
      enabledOrReasonIf = TestRedis.shared,
      timeout = 50.seconds,
    ) {
      val config = TestRedis.config()
      val stores = mutableListOf<RedisRateLimitStore>()
      val outcome = burst { _, clock ->
        RedisRateLimitStore.connect(config, clock).also { stores += it }
      }
      report("shared Redis store", outcome)
      stores.sumOf { it.fallbacks() } shouldBe 0 // Redis answered throughout
      outcome.rateLimited shouldBe 0
      outcome.succeeded shouldBe requests
      outcome.elapsed shouldBe Duration.ofSeconds(8)
    }

    test("each instance limiting on its own draws the 429s the shared store prevents").config(
      timeout = 50.seconds
    ) {
      val outcome = burst { _, _ -> RateLimitStore.inMemory() }
      report("per-instance in-memory stores", outcome)
      outcome.rateLimited shouldBeGreaterThan 0
    }
  })
