package io.llmgateway.retry

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ServerException
import io.llmgateway.pipeline.Errors
import java.time.Duration

private fun secs(s: Double): Duration = Duration.ofNanos((s * 1e9).toLong())

private val NO_WAIT: Duration = Duration.ZERO

class RetryPolicySpec :
  FunSpec({
    fun saas(r: Double) = RetryPolicy.saasLiteLlm().toBuilder().random { r }.build()

    fun hive(r: Double) = RetryPolicy.hiveOps().toBuilder().random { r }.build()

    test("SaaS default waits 1 s then 2 s, ±25 % jitter, and stops after 3 attempts") {
      val e = Errors.unavailable()
      for ((r, factor) in listOf(0.0 to 0.75, 0.5 to 1.0, 1.0 to 1.25)) {
        val p = saas(r)
        p.decide(1, e, NO_WAIT, null) shouldBe
          RetryDecision.retry(secs(1.0 * factor), RetryDecision.Reason.BACKOFF)
        p.decide(2, e, NO_WAIT, null) shouldBe
          RetryDecision.retry(secs(2.0 * factor), RetryDecision.Reason.BACKOFF)
        p.decide(3, e, NO_WAIT, null) shouldBe
          RetryDecision.giveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED)
      }
    }

    test("SaaS backoff doubles up to the 32 s cap before jitter") {
      val b = RetryPolicy.saasLiteLlm().backoff()
      (0..7).map { b.delay(it, 0.5).seconds } shouldBe listOf(1L, 2, 4, 8, 16, 32, 32, 32)
      b.delay(10, 1.0) shouldBe Duration.ofSeconds(40)
      b.delay(10, 0.0) shouldBe Duration.ofSeconds(24)
    }

    test("HiveOps default is 2^n s plus 0 to 1 s: 1, 2, 4, 8 s over 5 attempts for 429") {
      val e = Errors.rateLimited()
      for (r in listOf(0.0, 0.5, 1.0)) {
        val p = hive(r)
        (1..4).map { p.decide(it, e, NO_WAIT, null).delay() } shouldBe
          listOf(1.0, 2.0, 4.0, 8.0).map { secs(it + r) }
        p.decide(5, e, NO_WAIT, null).action() shouldBe RetryDecision.Action.GIVE_UP
      }
    }

    test("HiveOps default gives 5xx three attempts") {
      val p = hive(0.0)
      p.maxAttemptsFor(Errors.internal()) shouldBe 3
      p.maxAttemptsFor(Errors.rateLimited()) shouldBe 5
      p.decide(2, Errors.internal(), NO_WAIT, null).delay() shouldBe Duration.ofSeconds(2)
      p.decide(3, Errors.internal(), NO_WAIT, null) shouldBe
        RetryDecision.giveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED)
    }

    test("retries 429, 500, 503, timeouts and connection failures") {
      val p = saas(0.5)
      listOf(
          Errors.rateLimited(),
          Errors.internal(),
          Errors.unavailable(),
          Errors.readTimeout(),
          Errors.connectionFailed(),
        )
        .forEach { p.decide(1, it, NO_WAIT, null).shouldRetry() shouldBe true }
    }

    test("never retries 400, 401, 403, 404, 422 nor insufficient credits in any status") {
      val p = saas(0.5).toBuilder().retryIf { true }.build()
      listOf(
          Errors.badRequest(),
          Errors.unauthorized(),
          Errors.forbidden(),
          Errors.notFound(),
          Errors.validation(),
        )
        .forEach {
          RetryPolicy.ofDefaults().decide(1, it, NO_WAIT, null) shouldBe
            RetryDecision.giveUp(RetryDecision.Reason.NOT_RETRYABLE)
        }
      for (status in listOf(402, 403, 429)) {
        p.decide(1, Errors.insufficientCredits(status), NO_WAIT, null) shouldBe
          RetryDecision.giveUp(RetryDecision.Reason.NOT_RETRYABLE)
      }
    }

    test("a pluggable condition narrows what is retried") {
      val p = saas(0.5).toBuilder().retryIf { it.isRetryable && it !is ServerException }.build()
      p.decide(1, Errors.unavailable(), NO_WAIT, null).shouldRetry() shouldBe false
      p.decide(1, Errors.rateLimited(), NO_WAIT, null).shouldRetry() shouldBe true
    }

    test("the server's hint wins over the formula") {
      val p = saas(1.0)
      p.decide(1, Errors.rateLimited(Duration.ofMillis(1500)), NO_WAIT, null) shouldBe
        RetryDecision.retry(Duration.ofMillis(1500), RetryDecision.Reason.SERVER_HINT)
      p.decide(2, Errors.rateLimited(Duration.ZERO), NO_WAIT, null) shouldBe
        RetryDecision.retry(Duration.ZERO, RetryDecision.Reason.SERVER_HINT)
    }

    test("a server hint longer than the deadline fails fast with the requested wait") {
      val d = saas(0.5).decide(1, Errors.rateLimited(Duration.ofSeconds(90)), NO_WAIT, secs(30.0))
      d shouldBe RetryDecision.failFast(Duration.ofSeconds(90), RetryDecision.Reason.WAIT_CAP)
      val p = saas(0.5).toBuilder().maxWait(Duration.ofMinutes(5)).build()
      p.decide(1, Errors.rateLimited(Duration.ofSeconds(90)), NO_WAIT, secs(30.0)) shouldBe
        RetryDecision.failFast(Duration.ofSeconds(90), RetryDecision.Reason.DEADLINE)
    }

    test("a hint that would pass the total wait cap fails fast") {
      val p = saas(0.5).toBuilder().maxTotalWait(Duration.ofSeconds(10)).build()
      p.decide(1, Errors.rateLimited(Duration.ofSeconds(4)), Duration.ofSeconds(7), null) shouldBe
        RetryDecision.failFast(Duration.ofSeconds(4), RetryDecision.Reason.WAIT_CAP)
    }

    test("formula waits are capped by maxWait and give up when the deadline is nearer") {
      val p = saas(1.0).toBuilder().maxAttempts(10).maxWait(Duration.ofSeconds(5)).build()
      p.decide(6, Errors.internal(), NO_WAIT, null).delay() shouldBe Duration.ofSeconds(5)
      p.decide(1, Errors.internal(), NO_WAIT, Duration.ofMillis(500)) shouldBe
        RetryDecision.giveUp(RetryDecision.Reason.DEADLINE)
    }

    test("per-class attempts pick the most specific class") {
      val p =
        RetryPolicy.custom()
          .maxAttempts(2)
          .maxAttempts(ServerException::class.java, 4)
          .maxAttempts(RateLimitedException::class.java, 6)
          .build()
      p.maxAttemptsFor(Errors.unavailable()) shouldBe 4
      p.maxAttemptsFor(Errors.rateLimited()) shouldBe 6
      p.maxAttemptsFor(Errors.readTimeout()) shouldBe 2
      p.maxAttemptsOverall() shouldBe 6
    }

    test("builders reject nonsense in build()") {
      shouldThrow<IllegalArgumentException> { RetryPolicy.custom().maxAttempts(0).build() }
      shouldThrow<IllegalArgumentException> { Jitter.proportional(1.5) }
      shouldThrow<IllegalArgumentException> {
        Backoff.exponential(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1), Jitter.none())
      }
    }
  })
