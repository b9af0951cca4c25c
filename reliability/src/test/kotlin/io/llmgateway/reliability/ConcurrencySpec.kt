package io.llmgateway.reliability

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.longs.shouldBeGreaterThan as longShouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.llmgateway.coroutines.suspending
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.error.Provider
import io.llmgateway.jobs.JobOutcome
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.metrics.EndpointStats
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.reliability.logs.CapturedLogs
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Clock
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.LongAdder
import kotlin.time.Duration.Companion.minutes
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withPermit
import kotlinx.coroutines.withTimeout
import okhttp3.OkHttpClient

private const val IN_FLIGHT = 64

/** What a run of many calls came to: every call is a success or exactly one typed failure. */
private class Tally {
  val successes = LongAdder()
  val failures = ConcurrentHashMap<String, LongAdder>()
  val untyped: MutableSet<String> = ConcurrentHashMap.newKeySet()
  val inFlight = AtomicInteger()
  val peak = AtomicInteger()

  /** Inline so that a suspending [call] is measured while it is in flight. */
  inline fun <T> record(call: () -> T) {
    peak.accumulateAndGet(inFlight.incrementAndGet(), ::maxOf)
    try {
      call()
      successes.increment()
    } catch (e: LlmGatewayException) {
      failures.computeIfAbsent(e.javaClass.simpleName) { LongAdder() }.increment()
      Canary.texts(e).forEach { Canary.assertAbsent("an error", it) }
    } catch (e: Throwable) {
      untyped += e.toString()
    } finally {
      inFlight.decrementAndGet()
    }
  }

  fun total(): Long = successes.sum() + failures.values.sumOf { it.sum() }

  fun failuresByType(): Map<String, Long> = failures.mapValues { it.value.sum() }
}

/** The calls, their tally and the metrics must agree to the unit. */
private fun assertAccounted(calls: Int, tally: Tally, stats: EndpointStats, seenByServer: Int) {
  withClue("failures that were not our typed errors") { tally.untyped shouldBe emptySet() }
  tally.total() shouldBe calls.toLong()
  tally.successes.sum() longShouldBeGreaterThan (calls * 9L / 10)
  withClue("metrics against the callers' own count") {
    stats.requests() shouldBe calls.toLong()
    stats.successes() shouldBe tally.successes.sum()
    stats.failures() shouldBe tally.total() - tally.successes.sum()
    stats.failuresByType() shouldBe tally.failuresByType()
    stats.attempts() shouldBe seenByServer.toLong()
    stats.retries() shouldBe stats.attempts() - stats.requests()
  }
  stats.retries() longShouldBeGreaterThan 0
  Canary.assertAbsent("metrics", stats.toString())
}

private val serverFaults =
  listOf(
    0.08 to Fault.status(503),
    // A 429 without window headers: with "remaining 0 until the next minute" every caller would
    // rightly wait for that minute, which is the throttle's business, not this run's.
    0.04 to Fault.detail(429, "Rate limit exceeded").withRetryAfterMs(50),
    0.03 to Bodies.plainText(500, "Internal Server Error"),
    0.02 to Fault.disconnectAfterRequest(),
    0.01 to Fault.nginxBadGateway(),
    0.01 to Fault.detail(400, "Invalid request for ${Canary.saasKey}"),
  )

private fun gateway(): FakeGateway =
  FakeGateway.builder()
    .mode(SaasMode.REAL_SERVER) // no per-team rate limit: the faults are the only trouble
    .clock(Clock.systemUTC())
    .seed(Canary.seed(java.time.Instant.now()))
    .hiveOpsLimits(1_000_000, 1_000_000_000)
    .start()
    .apply { addCredits("acme", 1_000_000) }

private fun FakeGateway.seen(suffix: String): Int =
  requests().count { it.method() == "POST" && it.path().endsWith(suffix) }

private val noWait = Sleeper {}

private fun saasClient(gateway: FakeGateway, http: OkHttpClient): SaasLiteLlmClient =
  SaasLiteLlmClient.builder()
    .baseUrl(gateway.saasBaseUrl())
    .teamId("acme")
    .virtualKey(Canary.saasKey)
    .okHttpClient(http)
    .sleeper(noWait)
    .retryPolicy(Matrix.quick(io.llmgateway.retry.RetryPolicy.saasLiteLlm()))
    .build()

private val question = LlmCallRequest.builder("chat-fast").user("Tell me about lighthouses").build()

/**
 * Thousands of calls at [IN_FLIGHT] at a time while the gateway fails at random: every call is
 * accounted for (successes plus typed failures equal calls), the metrics say the same to the unit,
 * every job is completed exactly once, and nothing is left running.
 */
class ConcurrencySpec :
  FunSpec({
    CapturedLogs.install()

    test("2,000 jobs from 64 threads through the blocking job client, random faults") {
      gateway().use { fake ->
        fake.faults().on("POST", "/api/jobs/*/llm-call").thenAlways(RandomFaults(7, serverFaults))
        // Some completes are processed but their answer is lost: the client must read, not resend.
        fake
          .faults()
          .on("POST", "/api/jobs/*/complete")
          .thenAlways(
            RandomFaults(
              8,
              listOf(
                0.03 to
                  Fault.socketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST)
              ),
            )
          )
        val http = OkHttpClient()
        val client = saasClient(fake, http)
        val tally = Tally()
        val calls = 2_000
        val pool = Executors.newFixedThreadPool(IN_FLIGHT)
        repeat(calls) {
          pool.execute {
            tally.record { client.runJob(JobSpec.of("load")) { job -> job.llmCall(question) } }
          }
        }
        pool.shutdown()
        pool.awaitTermination(2, TimeUnit.MINUTES) shouldBe true

        tally.peak.get() shouldBe IN_FLIGHT
        assertAccounted(
          calls,
          tally,
          client.metrics().snapshot().endpoint("jobs.llm-call")!!,
          fake.seen("/llm-call"),
        )
        val jobs = fake.state().jobs()
        jobs.size shouldBe calls
        withClue("jobs not completed exactly once") {
          jobs.filter { it.completeCount() != 1 }.map { it.jobId() } shouldBe emptyList()
        }
        LeakCheck.assertClean(http, fake)
      }
    }

    test("2,000 calls from 64 coroutines through the suspending job client, random faults") {
      gateway().use { fake ->
        fake.faults().on("POST", "/api/jobs/*/llm-call").thenAlways(RandomFaults(11, serverFaults))
        val http = OkHttpClient()
        val client = saasClient(fake, http)
        val suspending = client.suspending()
        val tally = Tally()
        val calls = 2_000
        val jobId = client.createJob(JobSpec.of("load")).jobId()
        runBlocking(Dispatchers.Default) {
          withTimeout(2.minutes) { // cancels every call still in flight: a hang fails, not waits
            val permits = Semaphore(IN_FLIGHT)
            (1..calls)
              .map {
                async {
                  permits.withPermit { tally.record { suspending.llmCall(jobId, question) } }
                }
              }
              .awaitAll()
          }
        }
        client.completeJob(jobId, JobOutcome.completed())

        tally.peak.get() shouldBe IN_FLIGHT
        assertAccounted(
          calls,
          tally,
          client.metrics().snapshot().endpoint("jobs.llm-call")!!,
          fake.seen("/llm-call"),
        )
        fake.state().job(jobId).completeCount() shouldBe 1
        LeakCheck.assertClean(http, fake)
      }
    }

    test("1,000 chats from 64 threads through the HiveOps facade, random faults") {
      gateway().use { fake ->
        fake
          .faults()
          .on("POST", "**/chat/completions")
          .thenAlways(
            RandomFaults(
              13,
              listOf(
                0.08 to Fault.status(503),
                0.04 to
                  Fault.openAiError(429, "Rate limit exceeded.", "rate_limit_error", null)
                    .withRetryAfterMs(50),
                0.03 to Bodies.plainText(500, "Internal Server Error"),
                0.02 to Fault.disconnectAfterRequest(),
                0.01 to Fault.nginxBadGateway(),
              ),
            )
          )
        val http = OkHttpClient()
        val tally = Tally()
        val calls = 1_000
        HiveOpsClient.builder()
          .baseUrl(fake.hiveOpsBaseUrl())
          .apiKey(Canary.hiveKey)
          .provider(Provider.HIVEOPS)
          .okHttpClient(http)
          .sleeper(noWait)
          .retryPolicy(Matrix.quick(io.llmgateway.retry.RetryPolicy.hiveOps()))
          .rateLimiter(RateLimiter.of(RateLimitConfig.unlimited()))
          .balanceGuard(false)
          .build()
          .use { hive ->
            val pool = Executors.newFixedThreadPool(IN_FLIGHT)
            repeat(calls) {
              pool.execute {
                tally.record {
                  hive.chat(
                    com.openai.models.chat.completions.ChatCompletionCreateParams.builder()
                      .model("gpt-3.5-turbo")
                      .addUserMessage("Tell me about lighthouses")
                      .build()
                  )
                }
              }
            }
            pool.shutdown()
            pool.awaitTermination(2, TimeUnit.MINUTES) shouldBe true
            tally.peak.get() shouldBe IN_FLIGHT
            assertAccounted(
              calls,
              tally,
              hive.metrics().snapshot().endpoint("chat.completions")!!,
              fake.seen("/chat/completions"),
            )
          }
        LeakCheck.assertClean(http, fake)
      }
    }

    test("no log line of the concurrency runs holds a canary key") {
      CapturedLogs.all().size shouldBeGreaterThan 0
      CapturedLogs.all().forEach { Canary.assertAbsent("the logs", it) }
    }
  })
