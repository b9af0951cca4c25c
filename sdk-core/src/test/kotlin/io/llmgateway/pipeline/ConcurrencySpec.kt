package io.llmgateway.pipeline

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.circuit.CircuitBreaker
import io.llmgateway.circuit.CircuitBreakerConfig
import io.llmgateway.circuit.CircuitState
import io.llmgateway.error.Provider
import io.llmgateway.metrics.AttemptStarted
import io.llmgateway.metrics.CircuitStateChanged
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeClock
import java.time.Duration
import java.time.Instant
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

private const val THREADS = 16
private const val PER_THREAD = 500

/** Runs [body] PER_THREAD times on each of THREADS threads, all starting together. */
private fun hammer(body: (thread: Int, i: Int) -> Unit) {
  val pool = Executors.newFixedThreadPool(THREADS)
  val start = CountDownLatch(1)
  try {
    val futures =
      (0 until THREADS).map { t ->
        pool.submit {
          start.await()
          repeat(PER_THREAD) { i -> body(t, i) }
        }
      }
    start.countDown()
    futures.forEach { it.get(60, TimeUnit.SECONDS) }
  } finally {
    pool.shutdownNow()
  }
}

class ConcurrencySpec :
  FunSpec({
    test("16 x 500 reservations at one instant grant exactly the window's limit") {
      val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
      val limiter =
        RateLimiter.of(
          RateLimitConfig.custom().requestsPerWindow(1_000).tokensPerWindow(50_000).build()
        )
      val granted = AtomicInteger()
      hammer { _, _ ->
        if (limiter.reserve(10, clock.instant(), null).isGranted) granted.incrementAndGet()
      }
      granted.get() shouldBe 1_000
      limiter.state(clock.instant()).requests().remaining() shouldBe 0
      limiter.state(clock.instant()).tokens().remaining() shouldBe 40_000
    }

    test("16 x 500 concurrent outcomes leave a breaker consistent") {
      val clock = FakeClock(Instant.parse("2026-03-20T12:00:00Z"))
      val changes = AtomicInteger()
      val breaker =
        CircuitBreaker(
          Provider.HIVEOPS,
          Endpoint.CHAT_COMPLETIONS,
          CircuitBreakerConfig.ofDefaults(),
        ) { _, _, _ ->
          changes.incrementAndGet()
        }
      val admitted = AtomicInteger()
      hammer { t, i ->
        if (breaker.tryAcquire(clock.instant())) {
          admitted.incrementAndGet()
          if ((t + i) % 3 == 0) breaker.onSuccess(clock.instant())
          else breaker.onFailure(Errors.unavailable(), clock.instant())
        }
      }
      breaker.state() shouldBe CircuitState.OPEN // 2 in 3 calls failed
      changes.get() shouldBe 1 // the clock never moved, so it stayed open
      (admitted.get() in 10 until THREADS * PER_THREAD) shouldBe true
      breaker.bufferedCalls() shouldBe 0
    }

    test("16 threads x 500 calls through one executor: outcomes and metrics add up") {
      val h =
        Harness(
          retry = RetryPolicy.saasLiteLlm().toBuilder().random { 0.5 }.build(),
          breakers = CircuitBreakerConfig.ofDefaults(),
          rateLimit = RateLimitConfig.custom().requestsPerWindow(2_000).build(),
        )
      val sent = AtomicInteger()
      val successes = AtomicInteger()
      val failures = AtomicInteger()
      hammer { _, _ ->
        try {
          h.run {
            val n = sent.incrementAndGet()
            when {
              n % 10 == 0 -> throw Errors.unavailable()
              n % 17 == 0 -> throw Errors.badRequest()
              n % 23 == 0 -> throw Errors.rateLimited(Duration.ofSeconds(2))
              else -> "ok"
            }
          }
          successes.incrementAndGet()
        } catch (e: RuntimeException) {
          failures.incrementAndGet()
        }
      }
      val calls = THREADS * PER_THREAD
      (successes.get() + failures.get()) shouldBe calls
      val total = h.executor.metrics().snapshot().total()
      total.requests() shouldBe calls.toLong()
      total.successes() shouldBe successes.get().toLong()
      total.failures() shouldBe failures.get().toLong()
      total.failuresByType().values.sum() shouldBe failures.get().toLong()
      total.attempts() shouldBe sent.get().toLong()
      h.eventsOf<AttemptStarted>().size shouldBe sent.get()
      total.latency().count() shouldBe calls.toLong()
      // at most ~15 % of any 20 recorded outcomes fail: the breaker never opens
      h.eventsOf<CircuitStateChanged>() shouldBe emptyList()
      total.failuresByType().containsKey("CircuitOpenException") shouldBe false
    }
  })
