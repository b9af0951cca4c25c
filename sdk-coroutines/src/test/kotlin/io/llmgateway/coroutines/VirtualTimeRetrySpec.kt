package io.llmgateway.coroutines

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.coroutines.internal.executeSuspending
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.ErrorDetails
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.Provider
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.ResilientExecutor
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.retry.RetryPolicy
import java.time.Duration
import kotlinx.coroutines.delay
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runTest

/** The suspending loop waits with `delay`: in virtual time the schedules are exact and instant. */
class VirtualTimeRetrySpec :
  FunSpec({
    fun TestScope.executor(policy: RetryPolicy, limiter: RateLimiter = RateLimiter.ofDefaults()) =
      ResilientExecutor.builder()
        .provider(Provider.SAAS_LITELLM)
        .retryPolicy(policy)
        .rateLimiter(limiter)
        .clock(virtualClock())
        .logging(false)
        .build()

    fun unavailable() = ServiceUnavailableException("503", ErrorDetails.of(Provider.SAAS_LITELLM))

    fun rateLimited() = RateLimitedException("429", ErrorDetails.of(Provider.HIVEOPS))

    test("SaaS default: 503, 503, success waits 1 s then 2 s (jitter pinned to its middle)") {
      runTest {
        val policy = RetryPolicy.saasLiteLlm().toBuilder().random { 0.5 }.build()
        val sent = mutableListOf<Long>()
        val value =
          executor(policy).executeSuspending(Endpoint.JOBS_CREATE, CallOptions.defaults()) {
            sent.add(currentTime)
            if (sent.size < 3) throw unavailable() else "ok"
          }
        value shouldBe "ok"
        sent shouldBe listOf(0L, 1_000L, 3_000L)
      }
    }

    test("SaaS default jitter bounds: +-25 % at both ends of the random source") {
      runTest {
        for ((random, waits) in
          listOf(0.0 to listOf(750L, 1_500L), 0.999999 to listOf(1_249L, 2_499L))) {
          val policy = RetryPolicy.saasLiteLlm().toBuilder().random { random }.build()
          val sent = mutableListOf<Long>()
          val start = currentTime
          executor(policy).executeSuspending(Endpoint.JOBS_GET, CallOptions.defaults()) {
            sent.add(currentTime - start)
            if (sent.size < 3) throw unavailable() else "ok"
          }
          sent.zipWithNext { a, b -> b - a } shouldBe waits
        }
      }
    }

    test(
      "HiveOps default: 429 four times waits 1, 2, 4, 8 s plus 0-1 s jitter, fifth attempt succeeds"
    ) {
      runTest {
        val policy = RetryPolicy.hiveOps().toBuilder().random { 0.0 }.build()
        val sent = mutableListOf<Long>()
        executor(policy).executeSuspending(Endpoint.CHAT_COMPLETIONS, CallOptions.defaults()) {
          sent.add(currentTime)
          if (sent.size < 5) throw rateLimited() else "ok"
        }
        sent shouldBe listOf(0L, 1_000L, 3_000L, 7_000L, 15_000L)
      }
    }

    test("a server hint wins over the formula") {
      runTest {
        val hinted =
          RateLimitedException(
            "429",
            ErrorDetails.builder(Provider.HIVEOPS).retryAfter(Duration.ofSeconds(7)).build(),
          )
        val sent = mutableListOf<Long>()
        executor(RetryPolicy.hiveOps()).executeSuspending(
          Endpoint.CHAT_COMPLETIONS,
          CallOptions.defaults(),
        ) {
          sent.add(currentTime)
          if (sent.size < 2) throw hinted else "ok"
        }
        sent shouldBe listOf(0L, 7_000L)
      }
    }

    test("insufficient credits is never retried") {
      runTest {
        var sent = 0
        shouldThrow<InsufficientCreditsException> {
          executor(RetryPolicy.hiveOps()).executeSuspending(
            Endpoint.CHAT_COMPLETIONS,
            CallOptions.defaults(),
          ) {
            sent++
            throw InsufficientCreditsException("403", ErrorDetails.of(Provider.HIVEOPS))
          }
        }
        sent shouldBe 1
        currentTime shouldBe 0L
      }
    }

    test(
      "an attempt that outlives its timeout is a typed ATTEMPT timeout, never TimeoutCancellationException"
    ) {
      runTest {
        val timeouts = Timeouts.custom().timeout(Endpoint.JOBS_GET, Duration.ofSeconds(10)).build()
        val ex =
          ResilientExecutor.builder()
            .provider(Provider.SAAS_LITELLM)
            .retryPolicy(RetryPolicy.none())
            .timeouts(timeouts)
            .clock(virtualClock())
            .logging(false)
            .build()
        val error =
          shouldThrow<CallTimeoutException> {
            ex.executeSuspending(Endpoint.JOBS_GET, CallOptions.defaults()) {
              delay(60_000)
              "late"
            }
          }
        error.kind() shouldBe CallTimeoutException.Kind.ATTEMPT
        currentTime shouldBe 10_000L
      }
    }

    test("throttle waits suspend: 5 calls into 2 per second take 2 virtual seconds") {
      runTest {
        val limiter =
          RateLimiter.of(
            RateLimitConfig.custom().window(Duration.ofSeconds(1)).requestsPerWindow(2).build()
          )
        val ex = executor(RetryPolicy.none(), limiter)
        val sent = mutableListOf<Long>()
        repeat(5) {
          ex.executeSuspending(Endpoint.CHAT_COMPLETIONS, CallOptions.defaults()) {
            sent.add(currentTime)
            "ok"
          }
        }
        sent.map { it / 1000 } shouldBe listOf(0L, 0L, 1L, 1L, 2L)
      }
    }
  })
