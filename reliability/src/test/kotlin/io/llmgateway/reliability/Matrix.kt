package io.llmgateway.reliability

import io.llmgateway.error.Provider
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.retry.Jitter
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import java.time.Clock
import java.time.Duration
import java.time.Instant
import okhttp3.OkHttpClient

/** The matrix's fixed numbers. */
object Matrix {
  /**
   * The timeout of the calls under test (llm-call, its stream, chat) and a stream's idle timeout.
   * Job create, get and complete keep the guide's timeouts: a spurious timeout there on a busy
   * machine would create a second job, which is not what a row is about.
   */
  val TIMEOUT: Duration = Duration.ofMillis(750)

  /** How long a stalling fault holds: well past [TIMEOUT]. */
  val STALL: Duration = Duration.ofSeconds(2)

  /** No case may take longer, waits and all: past this it hangs. */
  val HANG: Duration = Duration.ofSeconds(20)

  /** Half a second before a minute turns, so "remaining 0 until the reset" costs 0.5 s. */
  val START: Instant = Instant.parse("2026-03-20T12:29:59.500Z")

  val timeouts: Timeouts =
    listOf(
        Endpoint.JOBS_LLM_CALL,
        Endpoint.JOBS_LLM_CALL_STREAM,
        Endpoint.CHAT_COMPLETIONS,
        Endpoint.CHAT_COMPLETIONS_STREAM,
      )
      .fold(Timeouts.ofDefaults().toBuilder()) { b, e -> b.timeout(e, TIMEOUT) }
      .build()

  /** The default policies with short backoff, for clients that really wait (coroutines). */
  fun quick(policy: RetryPolicy): RetryPolicy =
    policy
      .toBuilder()
      .backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(40), Jitter.none())
      .build()
}

/**
 * One scenario run by one client: a fresh gateway (seeded with the canary keys), a fresh OkHttp
 * client (its own pool and dispatcher, so leak counts are this case's alone), and the time the
 * client lives in. Blocking clients get virtual time: a [FakeClock] their sleeper moves, so the
 * real default policies run without waiting. Suspending clients wait with `delay`, so they get a
 * clock that ticks from [Matrix.START] and the default policies with short backoff.
 */
class Case(val scenario: Scenario, virtualTime: Boolean) : AutoCloseable {
  val clock: Clock =
    if (virtualTime) FakeClock(Matrix.START)
    else Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Matrix.START))
  val sleeper: FakeClock? = (clock as? FakeClock)
  val gateway: FakeGateway =
    FakeGateway.builder()
      .mode(scenario.mode)
      .clock(clock)
      .seed(Canary.seed(clock.instant()))
      .start()
      .also(scenario.script)
  val http: OkHttpClient = OkHttpClient()

  private fun policy(base: RetryPolicy) = if (sleeper != null) base else Matrix.quick(base)

  fun saas(): SaasLiteLlmClient =
    SaasLiteLlmClient.builder()
      .baseUrl(gateway.saasBaseUrl())
      .teamId("acme")
      .virtualKey(Canary.saasKey)
      .okHttpClient(http)
      .timeouts(Matrix.timeouts)
      .streamIdleTimeout(Matrix.TIMEOUT)
      .retryPolicy(policy(RetryPolicy.saasLiteLlm()))
      .clock(clock)
      .apply { sleeper?.let { sleeper(it::sleep) } }
      .build()

  fun hive(): HiveOpsClient =
    HiveOpsClient.builder()
      .baseUrl(gateway.hiveOpsBaseUrl())
      .apiKey(Canary.hiveKey)
      .provider(Provider.HIVEOPS)
      .okHttpClient(http)
      .timeouts(Matrix.timeouts)
      .streamIdleTimeout(Matrix.TIMEOUT)
      .retryPolicy(policy(RetryPolicy.hiveOps()))
      .clock(clock)
      .apply { sleeper?.let { sleeper(it::sleep) } }
      .build()

  /** Requests the fake saw on the scenario's path, faulted ones included. */
  fun requestsOnPath(): Int {
    val suffix = scenario.path.substringAfterLast('*')
    return gateway.requests().count {
      it.method() == "POST" && it.path().substringBefore('?').endsWith(suffix)
    }
  }

  override fun close() {
    gateway.close()
    http.dispatcher.executorService.shutdown()
    http.connectionPool.evictAll()
  }
}
