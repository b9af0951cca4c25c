package io.llmgateway.coroutines

import io.kotest.assertions.nondeterministic.eventually
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotBeEmpty
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.coroutines.openai.chatParams
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.Provider
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.jobs.JobOutcome
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.JobStatus
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.jobs.SaasLiteLlmClientBuilder
import io.llmgateway.metrics.CallEvent
import io.llmgateway.metrics.CallFinished
import io.llmgateway.metrics.CallStarted
import io.llmgateway.metrics.RetryScheduled
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.openai.HiveOpsClientBuilder
import io.llmgateway.pipeline.CallInterruptedException
import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import java.util.concurrent.CancellationException
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.seconds
import okhttp3.OkHttpClient

/**
 * Timeouts, cancellation and exactly-once completion on a real clock, over loopback, through every
 * call style of both clients: the things a virtual clock cannot prove. Durations are small and
 * real; operations of one test run side by side so the spec stays short.
 */
class RealClockSpec :
  FunSpec({
    /** An app's OkHttpClient whose own limits would end every call here at 1 s. */
    fun oneSecondHttp(): OkHttpClient =
      OkHttpClient.Builder()
        .connectTimeout(1, TimeUnit.SECONDS)
        .readTimeout(1, TimeUnit.SECONDS)
        .writeTimeout(1, TimeUnit.SECONDS)
        .callTimeout(1, TimeUnit.SECONDS)
        .build()

    // 1 s then 2 s between attempts, no jitter: a cancel inside the wait is easy to place.
    val steadyRetries = RetryPolicy.saasLiteLlm().toBuilder().random { 0.5 }.build()

    fun FakeGateway.jobs(
      http: OkHttpClient = OkHttpClient(),
      configure: SaasLiteLlmClientBuilder.() -> Unit = {},
    ): SaasLiteLlmClient =
      SaasLiteLlmClient.builder()
        .baseUrl(saasBaseUrl())
        .teamId("acme")
        .virtualKey("sk-fake-acme")
        .okHttpClient(http)
        .retryPolicy(steadyRetries)
        .apply(configure)
        .build()

    fun FakeGateway.hive(
      http: OkHttpClient = OkHttpClient(),
      configure: HiveOpsClientBuilder.() -> Unit = {},
    ): HiveOpsClient =
      HiveOpsClient.builder()
        .baseUrl(hiveOpsBaseUrl())
        .apiKey("sk-fake-hive")
        .provider(Provider.HIVEOPS)
        .okHttpClient(http)
        .retryPolicy(steadyRetries)
        .apply(configure)
        .build()

    fun request() = llmCallRequest("chat-fast") { user("Tell me about lighthouses") }

    fun ask() = chatParams("gpt-3.5-turbo") { user("hello there") }

    fun FakeGateway.seen(method: String, suffix: String): Int = requestsTo(method, suffix)

    /** Runs every (style, op) pair at once; returns each one's failure, or null. */
    fun <T> inParallel(runs: List<Pair<Styled, Op<T>>>): Map<String, Throwable?> {
      val pool = Executors.newFixedThreadPool(runs.size)
      try {
        val futures = runs.map { (styled, op) ->
          "$styled ${op.javaClass.simpleName}" to
            pool.submit<Throwable?> {
              try {
                styled.run(op)
                null
              } catch (e: Throwable) {
                e
              }
            }
        }
        return futures.associate { (name, f) -> name to f.get(30, TimeUnit.SECONDS) }
      } finally {
        pool.shutdownNow()
      }
    }

    test("the SDK's timeouts govern: a 1.2 s answer under an OkHttpClient with 1 s limits") {
      FakeGateway.start(SaasMode.DOCUMENTED).use { gateway ->
        val timeouts =
          Timeouts.custom()
            .timeout(Endpoint.JOBS_LLM_CALL, Duration.ofSeconds(3))
            .timeout(Endpoint.CHAT_COMPLETIONS, Duration.ofSeconds(3))
            .streamTimeout(Duration.ofSeconds(3))
            .build()
        val saas = gateway.jobs(oneSecondHttp()) { timeouts(timeouts) }
        val hive = gateway.hive(oneSecondHttp()) { timeouts(timeouts) }
        val jobId = saas.createJob(JobSpec.of("x")).jobId()
        val slow = Fault.delayHeaders(Duration.ofMillis(1200))
        gateway.faults().on("POST", "/api/jobs/*/llm-call").thenAlways(slow)
        gateway.faults().on("POST", "/api/jobs/*/llm-call-stream").thenAlways(slow)
        gateway.faults().on("POST", "/chat/completions").thenAlways(slow)
        val runs =
          Style.entries.flatMap { style ->
            val s = Styled(style, saas, hive)
            listOf<Pair<Styled, Op<String>>>(
              s to Op.LlmCall(jobId, request()),
              s to Op.LlmCallStream(jobId, request()),
              s to Op.Chat(ask()),
              s to Op.ChatStream(ask()),
            )
          }
        val failures = inParallel(runs)
        failures.filterValues { it != null } shouldBe emptyMap()
        // One request each: nothing was cut at 1 s and sent again.
        gateway.seen("POST", "/llm-call") shouldBe 3
        gateway.seen("POST", "/llm-call-stream") shouldBe 3
        gateway.seen("POST", "/chat/completions") shouldBe 6
      }
    }

    test("every stream's idle timeout ends it after its first chunk, the text kept") {
      FakeGateway.start(SaasMode.DOCUMENTED).use { gateway ->
        val idle = Duration.ofMillis(300)
        val saas = gateway.jobs { streamIdleTimeout(idle) }
        val hive = gateway.hive { streamIdleTimeout(idle) }
        val jobId = saas.createJob(JobSpec.of("x")).jobId()
        // The first chunk at 700 ms (more than the idle timeout: it is not the first chunk's
        // limit), then a 1.5 s stall after the second.
        val stall =
          Fault.stallAfterEvents(2, Duration.ofMillis(1500))
            .withHeadersDelay(Duration.ofMillis(700))
        gateway.faults().on("POST", "/api/jobs/*/llm-call-stream").thenAlways(stall)
        gateway.faults().on("POST", "/chat/completions").thenAlways(stall)
        val runs =
          Style.entries.flatMap { style ->
            val s = Styled(style, saas, hive)
            listOf<Pair<Styled, Op<String>>>(
              s to Op.LlmCallStream(jobId, request()),
              s to Op.ChatStream(ask()),
            )
          }
        inParallel(runs).forEach { (name, failure) ->
          withClue(name) {
            val e = failure.shouldBeInstanceOf<StreamInterruptedException>()
            e.partialText().shouldNotBeEmpty()
            e.message!! shouldContain "no chunk for 300 ms"
            e.cause.shouldBeInstanceOf<CallTimeoutException>().kind() shouldBe
              CallTimeoutException.Kind.READ
          }
        }
        gateway.seen("POST", "/llm-call-stream") shouldBe 3 // never retried after a chunk
        gateway.seen("POST", "/chat/completions") shouldBe 3
      }
    }

    test("a stream that keeps trickling is ended by its total timeout") {
      FakeGateway.start(SaasMode.DOCUMENTED).use { gateway ->
        val timeouts = Timeouts.custom().streamTimeout(Duration.ofMillis(900)).build()
        val saas = gateway.jobs {
          timeouts(timeouts)
          streamIdleTimeout(Duration.ofMillis(600))
        }
        val hive = gateway.hive {
          timeouts(timeouts)
          streamIdleTimeout(Duration.ofMillis(600))
        }
        val jobId = saas.createJob(JobSpec.of("x")).jobId()
        // 64 bytes every 100 ms: a chunk well within the idle timeout, the end far beyond 1.5 s.
        val trickle = Fault.slowBody(64, Duration.ofMillis(100))
        gateway.faults().on("POST", "/api/jobs/*/llm-call-stream").thenAlways(trickle)
        gateway.faults().on("POST", "/chat/completions").thenAlways(trickle)
        val runs =
          Style.entries.flatMap { style ->
            val s = Styled(style, saas, hive)
            listOf<Pair<Styled, Op<String>>>(
              s to Op.LlmCallStream(jobId, longRequest()),
              s to Op.ChatStream(chatParams("gpt-3.5-turbo") { user(LONG_PROMPT) }),
            )
          }
        inParallel(runs).forEach { (name, failure) ->
          withClue(name) {
            val e = failure.shouldBeInstanceOf<StreamInterruptedException>()
            e.message!! shouldContain "total stream timeout"
            e.cause.shouldBeInstanceOf<CallTimeoutException>().kind() shouldBe
              CallTimeoutException.Kind.TOTAL
          }
        }
      }
    }

    context("cancellation stops the exchange at once, and nothing is sent after it") {
      for (style in Style.entries) {
        test("$style: during an answer, and during a retry wait") {
          FakeGateway.start(SaasMode.DOCUMENTED).use { gateway ->
            val saas = gateway.jobs()
            val hive = gateway.hive()
            val jobId = saas.createJob(JobSpec.of("x")).jobId()
            val styled = Styled(style, saas, hive)
            // An answer that takes 3 s, then a 503 whose retry would come 1 s later.
            gateway
              .faults()
              .on("POST", "/api/jobs/*/llm-call")
              .next(Fault.delayHeaders(Duration.ofSeconds(3)))
              .next(Fault.status(503))
            gateway
              .faults()
              .on("POST", "/chat/completions")
              .next(Fault.delayHeaders(Duration.ofSeconds(3)))
              .next(Fault.status(503))
            for (round in 1..2) {
              val calls =
                listOf(styled.start(Op.LlmCall(jobId, request())), styled.start(Op.Chat(ask())))
              Thread.sleep(400) // round 1: on the wire; round 2: the 503 is back, the retry waits
              val cancelledAt = System.nanoTime()
              calls.forEach { it.cancel() }
              for (call in calls) {
                val failure = call.failure().shouldNotBeNull()
                (System.nanoTime() - cancelledAt) / 1_000_000 shouldBeLessThan 300L
                when (style) {
                  Style.BLOCKING -> {
                    failure.shouldBeInstanceOf<CallInterruptedException>()
                    call.interruptFlagKept.get(5, TimeUnit.SECONDS) shouldBe true
                  }
                  else -> failure.shouldBeInstanceOf<CancellationException>()
                }
              }
            }
            Thread.sleep(1_500) // past the retry that would have followed the 503
            gateway.seen("POST", "/llm-call") shouldBe 2
            gateway.seen("POST", "/chat/completions") shouldBe 2
          }
        }
      }
    }

    context("a cancelled stream closes its connection at once") {
      for (style in Style.entries) {
        test(style.toString()) {
          FakeGateway.start(SaasMode.DOCUMENTED).use { gateway ->
            val saas = gateway.jobs()
            val hive = gateway.hive()
            val jobId = saas.createJob(JobSpec.of("x")).jobId()
            val stall = Fault.stallAfterEvents(2, Duration.ofSeconds(2))
            gateway.faults().on("POST", "/api/jobs/*/llm-call-stream").next(stall)
            gateway.faults().on("POST", "/chat/completions").next(stall)
            val styled = Styled(style, saas, hive)
            val streams =
              listOf(
                styled.start(Op.LlmCallStream(jobId, request())),
                styled.start(Op.ChatStream(ask())),
              )
            Thread.sleep(500) // both streams hold their first chunks; the server stalls
            val cancelledAt = System.nanoTime()
            streams.forEach { it.cancel() }
            streams.forEach { it.failure().shouldNotBeNull() }
            (System.nanoTime() - cancelledAt) / 1_000_000 shouldBeLessThan 300L
            // The server finds the connections gone when its stall ends and it writes again (with
            // the connections still open, the streams would complete and stay pooled).
            eventually(5.seconds) { gateway.openConnections() shouldBe 0 }
          }
        }
      }
    }

    context("cancelled while complete waits to be sent again, the job is completed failed, once") {
      for (style in Style.entries) {
        test(style.toString()) {
          FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
            val events = CopyOnWriteArrayList<CallEvent>()
            val saas = gateway.jobs { listener(events::add) }
            gateway.faults().on("POST", "/api/jobs/*/complete").next(Fault.status(503))
            val run = Styled(style, saas, null).start(Op.RunJob(request()))
            eventually(5.seconds) { gateway.seen("POST", "/complete") shouldBe 1 }
            Thread.sleep(200) // inside the 1 s wait before complete may be sent again
            run.cancel()
            run.failure().shouldNotBeNull()
            // A cancelled future returns at once; the failed complete is sent right after.
            eventually(5.seconds) { gateway.state().jobs().single().completeCount() shouldBe 1 }
            val job = gateway.state().jobs().single()
            job.status() shouldBe "FAILED"
            job.errorMessage()!! shouldContain "cancelled"
            gateway.seen("POST", "/complete") shouldBe 2
            // Two calls on jobs.complete, each ended once: the cancelled completion (one attempt,
            // its re-send cut short) and the failed complete sent in its place.
            eventually(5.seconds) {
              val complete = events.filter { it.endpoint() == Endpoint.JOBS_COMPLETE }
              withClue(complete.joinToString("\n")) {
                complete.filterIsInstance<CallStarted>().size shouldBe 2
                complete.filterIsInstance<RetryScheduled>().size shouldBe 1
                val ends = complete.filterIsInstance<CallFinished>()
                ends.map { it.errorType() }.toSet() shouldBe setOf("CallCanceledException", null)
                ends.map { it.attempts() }.sorted() shouldBe listOf(1, 1)
              }
            }
          }
        }
      }
    }

    context("a complete the server is slow to process is confirmed by reading back, charged once") {
      for (style in Style.entries) {
        test(style.toString()) {
          FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
            val saas = gateway.jobs {
              timeouts(
                Timeouts.custom().timeout(Endpoint.JOBS_COMPLETE, Duration.ofMillis(500)).build()
              )
              completionGrace(Duration.ofSeconds(5))
            }
            val styled = Styled(style, saas, null)
            val slow = saas.createJob(JobSpec.of("slow")).jobId()
            val proxied = saas.createJob(JobSpec.of("proxied")).jobId()
            gateway
              .faults()
              .on("POST", "/api/jobs/$slow/complete")
              .next(Fault.processAfter(Duration.ofMillis(1200)))
            gateway
              .faults()
              .on("POST", "/api/jobs/$proxied/complete")
              .next(Fault.processThen(Fault.nginxBadGateway()))
            for (jobId in listOf(slow, proxied)) {
              val done = styled.run(Op.Complete(jobId, JobOutcome.completed()))
              done.confirmedByRead() shouldBe true
              done.status() shouldBe JobStatus.COMPLETED
              gateway.state().job(jobId).completeCount() shouldBe 1
              gateway.state().job(jobId).chargeCount() shouldBe 1
            }
            gateway.seen("POST", "/complete") shouldBe 2
          }
        }
      }
    }
  })

private const val LONG_PROMPT =
  "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " +
    "sixteen seventeen eighteen nineteen twenty"

private fun longRequest(): io.llmgateway.jobs.LlmCallRequest =
  llmCallRequest("chat-fast") { user(LONG_PROMPT) }
