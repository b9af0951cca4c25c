package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.llmgateway.circuit.CircuitBreakerRegistry
import io.llmgateway.circuit.CircuitState
import io.llmgateway.error.CircuitOpenException
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.retry.Jitter
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * The default breaker counts calls after their retries, and only server-side failures: a cold start
 * under 30 % failed attempts (429s with Retry-After, 503s) leaves it closed; a gateway that answers
 * only 503 opens it. Blocking and future calls alike.
 */
class BreakerColdStartSpec :
  FunSpec({
    val quick =
      RetryPolicy.hiveOps()
        .toBuilder()
        .maxAttempts(5)
        .backoff(Duration.ofMillis(5), 2.0, Duration.ofMillis(40), Jitter.none())
        .build()

    fun run(client: HiveOpsClient, calls: Int): Map<String, Int> {
      val outcomes = java.util.concurrent.ConcurrentHashMap<String, AtomicInteger>()
      val pool = Executors.newFixedThreadPool(16)
      repeat(calls) { i ->
        pool.execute {
          val outcome =
            try {
              if (i % 2 == 0) client.chat(ask()) else client.async().chat(ask()).join()
              "ok"
            } catch (e: java.util.concurrent.CompletionException) {
              e.cause!!.javaClass.simpleName
            } catch (e: LlmGatewayException) {
              e.javaClass.simpleName
            }
          outcomes.computeIfAbsent(outcome) { AtomicInteger() }.incrementAndGet()
        }
      }
      pool.shutdown()
      pool.awaitTermination(60, TimeUnit.SECONDS)
      return outcomes.mapValues { it.value.get() }
    }

    fun client(
      gateway: io.llmgateway.testing.FakeGateway,
      breakers: CircuitBreakerRegistry = CircuitBreakerRegistry.ofDefaults(),
    ) =
      gateway.hiveClient(sleeper = Sleeper.system()) {
        retryPolicy(quick)
        circuitBreakers(breakers)
        rateLimiter(RateLimiter.of(RateLimitConfig.unlimited()))
        clock(java.time.Clock.systemUTC())
      }

    test("a seeded cold start at 30 % failed attempts keeps the default breaker closed") {
      fakeHive { hiveOpsLimits(1_000_000, 1_000_000_000) }
        .use { gateway ->
          val tooMany =
            Fault.openAiError(429, "Rate limit exceeded", "rate_limit_error", null)
              .withRetryAfterMs(5)
          // 15 % 429 and 15 % 503 of all attempts, from a seeded source.
          val random = java.util.Random(42)
          val mixed = Fault { ctx ->
            val r = synchronized(random) { random.nextDouble() }
            when {
              r < 0.15 -> tooMany.respond(ctx)
              r < 0.30 -> Fault.status(503).respond(ctx)
              else -> ctx.realResponse()
            }
          }
          gateway.faults().on("POST", "/chat/completions").thenAlways(mixed)
          val breakers = CircuitBreakerRegistry.ofDefaults()
          val hive = client(gateway, breakers)
          val outcomes = run(hive, 400)
          breakers.breaker(hive.provider(), Endpoint.CHAT_COMPLETIONS).state() shouldBe
            CircuitState.CLOSED
          outcomes["ok"]!! shouldBeGreaterThan 395
          outcomes["CircuitOpenException"] shouldBe null
        }
    }

    test("a gateway that answers only 503 opens it, and later calls are refused unsent") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").thenAlways(Fault.status(503))
        val breakers = CircuitBreakerRegistry.ofDefaults()
        val hive = client(gateway, breakers)
        val outcomes = run(hive, 40)
        outcomes.keys shouldBe setOf("ServiceUnavailableException", "CircuitOpenException")
        breakers.breaker(hive.provider(), Endpoint.CHAT_COMPLETIONS).state() shouldBe
          CircuitState.OPEN
        val sent = gateway.chatRequests()
        shouldThrow<CircuitOpenException> { hive.chat(ask()) }
        gateway.chatRequests() shouldBe sent
      }
    }
  })
