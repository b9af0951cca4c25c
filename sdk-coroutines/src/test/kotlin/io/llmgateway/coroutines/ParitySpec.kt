package io.llmgateway.coroutines

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.core.spec.style.scopes.FunSpecContainerScope
import io.kotest.datatest.withData
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotBeEmpty
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.coroutines.openai.ask
import io.llmgateway.coroutines.openai.chatRequests
import io.llmgateway.coroutines.openai.modelRequests
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.error.PermissionDeniedException
import io.llmgateway.error.Provider
import io.llmgateway.error.StreamInterruptedException
import io.llmgateway.error.TeamSuspendedException
import io.llmgateway.jobs.JobOutcome
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.JobStatus
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.jobs.SaasLiteLlmClientBuilder
import io.llmgateway.jobs.TeamDiagnosis
import io.llmgateway.metrics.AttemptFinished
import io.llmgateway.metrics.AttemptStarted
import io.llmgateway.metrics.CallEvent
import io.llmgateway.metrics.CallFinished
import io.llmgateway.metrics.CallStarted
import io.llmgateway.metrics.RetryScheduled
import io.llmgateway.metrics.UsageReported
import io.llmgateway.openai.BalanceCheck
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.openai.HiveOpsClientBuilder
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import java.util.Collections
import java.util.concurrent.CopyOnWriteArrayList

/**
 * Parity: each public behaviour is specified once and run through every call style (blocking,
 * future, suspend; stream and non-stream where both exist), as users call it. Each behaviour is a
 * context: one test per [Style] with the behaviour's own checks, then "the same in every style"
 * compares what each style saw. The drifts of issue 17 are cases here, marked "drift:".
 *
 * Virtual time (a [FakeClock] as each client's clock and sleeper) wherever no real-clock claim is
 * made; the idle timeout runs on the real clock, in small durations.
 */
class ParitySpec :
  FunSpec({
    // ---- baselines ----

    context("an llm-call and its stream answer the same text") {
      inEveryStyle { style ->
        FakeGateway.start(SaasMode.DOCUMENTED).use { gateway ->
          val saas = gateway.jobs()
          val styled = Styled(style, saas, null)
          val jobId = saas.createJob(JobSpec.of("x")).jobId()
          val call = styled.run(Op.LlmCall(jobId, question()))
          val stream = styled.run(Op.LlmCallStream(jobId, question()))
          call.shouldNotBeEmpty()
          stream shouldBe call
          gateway.requestsTo("POST", "/llm-call") shouldBe 1
          gateway.requestsTo("POST", "/llm-call-stream") shouldBe 1
          call
        }
      }
    }

    context("a HiveOps chat and its stream answer the same text") {
      inEveryStyle { style ->
        FakeGateway.start().use { gateway ->
          val styled = Styled(style, null, gateway.hiveOps())
          val chat = styled.run(Op.Chat(ask()))
          val stream = styled.run(Op.ChatStream(ask()))
          chat shouldBe "Fake reply to: hello there"
          stream shouldBe chat
          gateway.chatRequests() shouldBe 2
          chat
        }
      }
    }

    context("a 429 with Retry-After is waited out (virtual time), then answered") {
      inEveryStyle { style ->
        FakeGateway.start(SaasMode.DOCUMENTED).use { gateway ->
          val saasClock = FakeClock()
          val hiveClock = FakeClock()
          val saas = gateway.jobs(saasClock)
          val styled = Styled(style, saas, gateway.hiveOps(hiveClock))
          val jobId = saas.createJob(JobSpec.of("x")).jobId()
          val tooMany = Fault.detail(429, "Rate limit exceeded").withRetryAfterSeconds(2)
          val hiveTooMany =
            Fault.openAiError(429, "Rate limit exceeded", "rate_limit_error", "rate_limit_exceeded")
              .withRetryAfterSeconds(2)
          gateway.faults().on("POST", "/api/jobs/*/llm-call").next(tooMany)
          gateway.faults().on("POST", "/api/jobs/*/llm-call-stream").next(tooMany)
          gateway.faults().on("POST", "/chat/completions").times(2, hiveTooMany)
          val texts =
            listOf(
              styled.run(Op.LlmCall(jobId, question())),
              styled.run(Op.LlmCallStream(jobId, question())),
              styled.run(Op.Chat(ask())),
              styled.run(Op.ChatStream(ask())),
            )
          texts.forEach { it.shouldNotBeEmpty() }
          gateway.requestsTo("POST", "/llm-call") shouldBe 2
          gateway.requestsTo("POST", "/llm-call-stream") shouldBe 2
          gateway.chatRequests() shouldBe 4
          saasClock.sleeps() shouldBe List(2) { Duration.ofSeconds(2) }
          hiveClock.sleeps() shouldBe List(2) { Duration.ofSeconds(2) }
          Triple(texts, saasClock.sleeps(), hiveClock.sleeps())
        }
      }
    }

    // ---- the drifts of issue 17 ----

    context("drift: a job's cost uses the client's alias prices (loadAliasPrices)") {
      inEveryStyle { style ->
        FakeGateway.start(SaasMode.DOCUMENTED).use { gateway ->
          val saas = gateway.jobs { loadAliasPrices(Duration.ofMinutes(10)) }
          val result = Styled(style, saas, null).run(Op.JobRun(question()))
          result.completion().status() shouldBe JobStatus.COMPLETED
          withClue("cost ${result.cost()}, by model ${result.costsByModel()}") {
            result.cost().isKnown shouldBe true
            (result.cost().usd()!!.signum() > 0) shouldBe true
            result.costsByModel().single().cost().isKnown shouldBe true
          }
          gateway.requestsTo("GET", "/api/models") shouldBe 1
          listOf(result.cost().toString()) + result.costsByModel().map { it.toString() }
        }
      }
    }

    context("without prices, a job's cost is unknown (and no catalog is read)") {
      inEveryStyle { style ->
        FakeGateway.start(SaasMode.DOCUMENTED).use { gateway ->
          val result = Styled(style, gateway.jobs(), null).run(Op.JobRun(question()))
          result.cost().isKnown shouldBe false
          gateway.requestsTo("GET", "/api/models") shouldBe 0
          result.costsByModel().map { it.toString() }
        }
      }
    }

    context("drift: with diagnoseForbidden(true), a refused team's 403 carries its diagnosis") {
      inEveryStyle { style ->
        FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
          val saas = gateway.jobs(team = "umbrella") { diagnoseForbidden(true) }
          val styled = Styled(style, saas, null)
          val refused =
            listOf(
              shouldThrow<TeamSuspendedException> { styled.run(Op.CreateJob(JobSpec.of("x"))) },
              shouldThrow<TeamSuspendedException> {
                styled.run(Op.CreateAndCallStream(JobSpec.of("x"), question()))
              },
            )
          val seen = refused.map { error ->
            val attached = TeamDiagnosis.attachedTo(error).shouldNotBeNull()
            attached.teamStatus() shouldBe "suspended"
            attached.creditsRemaining() shouldBe 100L
            attached.advice() shouldContain "suspended"
            error.stackTraceToString() shouldContain "team diagnosis: status suspended"
            // diagnose(e) hands back the attached one, without another request.
            styled.run(Op.Diagnose(error)) shouldBe attached
            error.javaClass.simpleName to attached.seen()
          }
          gateway.requestsTo("GET", "/api/teams/umbrella") shouldBe 2
          seen
        }
      }
    }

    context("drift: models(), model(alias) and diagnose(e) answer the same") {
      inEveryStyle { style ->
        FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
          val styled = Styled(style, gateway.jobs(), null)
          val models = styled.run(Op.Models).map { it.toString() }
          models.shouldNotBeEmpty()
          val fast = styled.run(Op.Model("chat-fast")).toString()
          models shouldContain fast
          fast shouldContain "gpt-4o-mini"
          val unknown = shouldThrow<LlmGatewayException> { styled.run(Op.Model("no-such-alias")) }
          unknown.message!! shouldContain "no-such-alias"
          // diagnose(e) reads the client's own team: here a suspended one, without the option.
          val umbrella = gateway.jobs(team = "umbrella")
          val refused =
            shouldThrow<PermissionDeniedException> { umbrella.createJob(JobSpec.of("x")) }
          TeamDiagnosis.attachedTo(refused) shouldBe null
          val diagnosis = Styled(style, umbrella, null).run(Op.Diagnose(refused))
          diagnosis.teamStatus() shouldBe "suspended"
          gateway.requestsTo("GET", "/api/teams/umbrella") shouldBe 1
          listOf(models, fast, unknown.javaClass.simpleName, diagnosis.seen())
        }
      }
    }

    context("HiveOps models(): the same ids, one request per TTL for all styles of a client") {
      inEveryStyle { style ->
        FakeGateway.start().use { gateway ->
          val clock = FakeClock()
          val hive = gateway.hiveOps(clock) { modelsTtl(Duration.ofMinutes(10)) }
          val ids = Styled(style, null, hive).run(Op.HiveModels)
          ids.shouldNotBeEmpty()
          // The client's other styles read the same cache.
          Style.entries.forEach { Styled(it, null, hive).run(Op.HiveModels) shouldBe ids }
          gateway.modelRequests() shouldBe 1
          clock.advance(Duration.ofMinutes(11))
          Styled(style, null, hive).run(Op.HiveModels) shouldBe ids
          gateway.modelRequests() shouldBe 2
          ids
        }
      }
    }

    context("drift: concurrent checkBalance() calls send one probe, cached for every style") {
      inEveryStyle { style ->
        FakeGateway.start().use { gateway ->
          val clock = FakeClock()
          val hive = gateway.hiveOps(clock) { balanceTtl(Duration.ofMinutes(5)) }
          val styled = Styled(style, null, hive)
          // The probe is held 300 ms, so the eight checks are all waiting while it is out.
          gateway
            .faults()
            .on("POST", "/chat/completions")
            .next(Fault.delayHeaders(Duration.ofMillis(300)))
          val first = styled.runConcurrently(8, Op.CheckBalance)
          first.map { it.status() } shouldBe List(8) { BalanceCheck.Status.OK }
          gateway.chatRequests() shouldBe 1
          // Within the TTL: no probe, in this style or in the client's others.
          styled.runConcurrently(8, Op.CheckBalance).map { it.status() } shouldBe
            List(8) { BalanceCheck.Status.OK }
          Style.entries.forEach { Styled(it, null, hive).run(Op.CheckBalance).isOk shouldBe true }
          gateway.chatRequests() shouldBe 1
          // After it: one probe again.
          clock.advance(Duration.ofMinutes(6))
          styled.runConcurrently(8, Op.CheckBalance).map { it.status() }.toSet() shouldBe
            setOf(BalanceCheck.Status.OK)
          gateway.chatRequests() shouldBe 2
          first.map { it.status() to it.reason() }.distinct()
        }
      }
    }

    context("drift: a stream idle longer than streamIdleTimeout ends typed (real clock)") {
      inEveryStyle { style ->
        FakeGateway.start(SaasMode.DOCUMENTED).use { gateway ->
          val idle = Duration.ofMillis(300)
          val saas = gateway.jobs { streamIdleTimeout(idle) }
          val hive = gateway.hiveOps { streamIdleTimeout(idle) }
          val jobId = saas.createJob(JobSpec.of("x")).jobId()
          // Two chunks, then a stall of 1 s: well past the idle limit.
          val stall = Fault.stallAfterEvents(2, Duration.ofMillis(1000))
          gateway.faults().on("POST", "/chat/completions").next(stall)
          gateway.faults().on("POST", "/api/jobs/*/llm-call-stream").next(stall)
          val styled = Styled(style, saas, hive)
          val seen =
            listOf(Op.ChatStream(ask()), Op.LlmCallStream(jobId, question())).map { op ->
              val started = System.nanoTime()
              val e = shouldThrow<StreamInterruptedException> { styled.run(op) }
              val tookMs = (System.nanoTime() - started) / 1_000_000
              withClue("${op.javaClass.simpleName}: ended after $tookMs ms") {
                (tookMs < 950) shouldBe true
              }
              e.partialText().shouldNotBeEmpty()
              e.message!! shouldContain "no chunk for 300 ms"
              val cause = e.cause.shouldBeInstanceOf<CallTimeoutException>()
              cause.kind() shouldBe CallTimeoutException.Kind.READ
              cause.message!! shouldContain "stream idle timeout (300 ms between chunks)"
              listOf(e.partialText(), e.chunksReceived().toString(), cause.message!!)
            }
          gateway.chatRequests() shouldBe 1 // never retried after a chunk
          gateway.requestsTo("POST", "/llm-call-stream") shouldBe 1
          seen
        }
      }
    }

    context("drift: a complete answered 503 once is sent again, and the listener hears it") {
      inEveryStyle { style ->
        FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
          val events = CopyOnWriteArrayList<CallEvent>()
          val clock = FakeClock()
          val saas = gateway.jobs(clock) { listener(events::add) }
          val jobId = saas.createJob(JobSpec.of("x")).jobId()
          events.clear()
          gateway.faults().on("POST", "/api/jobs/*/complete").next(Fault.status(503))
          val done = Styled(style, saas, null).run(Op.Complete(jobId, JobOutcome.completed()))
          done.status() shouldBe JobStatus.COMPLETED
          gateway.requestsTo("POST", "/complete") shouldBe 2
          gateway.state().job(jobId).completeCount() shouldBe 1
          val heard = events.shapes()
          withClue(heard.joinToString("\n")) {
            // Both sends and the read between them are heard.
            heard.filter { it.startsWith("attempt jobs.complete") && "->" in it } shouldBe
              listOf("attempt jobs.complete #1 -> 503", "attempt jobs.complete #2 -> ok")
            heard shouldContain "end jobs.get: ok"
            heard.last() shouldBe "end jobs.complete: ok"
          }
          heard to clock.sleeps()
        }
      }
    }

    context("drift: a complete re-sent after a 503 is one call of two attempts") {
      inEveryStyle { style ->
        FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
          val events = CopyOnWriteArrayList<CallEvent>()
          val saas = gateway.jobs { listener(events::add) }
          val jobId = saas.createJob(JobSpec.of("x")).jobId()
          events.clear()
          gateway.faults().on("POST", "/api/jobs/*/complete").next(Fault.status(503))
          Styled(style, saas, null).run(Op.Complete(jobId, JobOutcome.completed()))
          gateway.requestsTo("POST", "/complete") shouldBe 2
          val complete = events.shapes().filter { "jobs.complete" in it }
          withClue(complete.joinToString("\n")) {
            complete shouldBe
              listOf(
                "start jobs.complete",
                "attempt jobs.complete #1",
                "attempt jobs.complete #1 -> 503",
                "retry jobs.complete after #1 in PT1S (BACKOFF)",
                "attempt jobs.complete #2",
                "attempt jobs.complete #2 -> ok",
                "end jobs.complete: ok",
              )
          }
          // The re-send's read of the job (the gateway said 503, but a proxy may lie) is a call of
          // its own, on jobs.get.
          events.shapes().filter { it.startsWith("start ") } shouldBe
            listOf("start jobs.complete", "start jobs.get")
          saas.metrics().snapshot().endpoint("jobs.complete")!!.let {
            it.requests() shouldBe 1
            it.attempts() shouldBe 2
            it.retries() shouldBe 1
            it.failures() shouldBe 0
          }
          complete
        }
      }
    }

    context("drift: the complete inside runJob / job {} answered 503 once: the same events") {
      inEveryStyle { style ->
        FakeGateway.start(SaasMode.REAL_SERVER).use { gateway ->
          val events = CopyOnWriteArrayList<CallEvent>()
          val clock = FakeClock()
          val saas = gateway.jobs(clock) { listener(events::add) }
          gateway.faults().on("POST", "/api/jobs/*/complete").next(Fault.status(503))
          val result = Styled(style, saas, null).run(Op.JobRun(question()))
          result.completion().status() shouldBe JobStatus.COMPLETED
          gateway.requestsTo("POST", "/complete") shouldBe 2
          val heard = events.shapes()
          withClue(heard.joinToString("\n")) {
            heard.first() shouldStartWith "start jobs.create"
            heard shouldContain "attempt jobs.complete #1 -> 503"
            heard.filter { it.startsWith("attempt jobs.complete") && "->" in it } shouldBe
              listOf("attempt jobs.complete #1 -> 503", "attempt jobs.complete #2 -> ok")
            heard.last() shouldBe "end jobs.costs: ok"
          }
          heard to clock.sleeps()
        }
      }
    }
  })

// ---- the harness of this spec ----

/**
 * One behaviour: a test per style running [observe] (which makes the behaviour's own checks and
 * returns what the style saw), then a test that every style saw the same.
 */
private suspend fun <T> FunSpecContainerScope.inEveryStyle(observe: (Style) -> T) {
  val seen = Collections.synchronizedMap(LinkedHashMap<Style, T>())
  withData(Style.entries) { style -> seen[style] = observe(style) }
  test("the same in every style") {
    withClue("styles that ran to the end: ${seen.keys}") {
      seen.keys shouldBe Style.entries.toSet()
    }
    for (style in Style.entries) {
      withClue("$style against ${Style.BLOCKING}") { seen[style] shouldBe seen[Style.BLOCKING] }
    }
  }
}

private val steadySaas: RetryPolicy = RetryPolicy.saasLiteLlm().toBuilder().random { 0.5 }.build()

private val steadyHive: RetryPolicy = RetryPolicy.hiveOps().toBuilder().random { 0.5 }.build()

/** A job client on the fake, waiting in virtual time on [clock]. */
private fun FakeGateway.jobs(
  clock: FakeClock = FakeClock(),
  team: String = "acme",
  configure: SaasLiteLlmClientBuilder.() -> Unit = {},
): SaasLiteLlmClient =
  SaasLiteLlmClient.builder()
    .baseUrl(saasBaseUrl())
    .teamId(team)
    .virtualKey("sk-fake-$team")
    .retryPolicy(steadySaas)
    .clock(clock)
    .sleeper(clock::sleep)
    .apply(configure)
    .build()

/** A HiveOps client on the fake, waiting in virtual time on [clock]. */
private fun FakeGateway.hiveOps(
  clock: FakeClock = FakeClock(),
  configure: HiveOpsClientBuilder.() -> Unit = {},
): HiveOpsClient =
  HiveOpsClient.builder()
    .baseUrl(hiveOpsBaseUrl())
    .apiKey("sk-fake-hive")
    .provider(Provider.HIVEOPS)
    .retryPolicy(steadyHive)
    .clock(clock)
    .sleeper(clock::sleep)
    .apply(configure)
    .build()

private fun TeamDiagnosis.seen(): List<Any?> =
  listOf(teamStatus(), creditsRemaining(), budgetMode(), advice(), lookupFailure()?.javaClass)

/** The events as comparable lines: no request ids, times or latencies. */
private fun List<CallEvent>.shapes(): List<String> = map { e ->
  val at = e.endpoint().id()
  when (e) {
    is CallStarted -> "start $at"
    is AttemptStarted -> "attempt $at #${e.attempt()}"
    is AttemptFinished ->
      "attempt $at #${e.attempt()} -> " +
        if (e.success()) "ok" else "${e.status() ?: e.errorType()}"
    is RetryScheduled -> "retry $at after #${e.attempt()} in ${e.delay()} (${e.reason()})"
    is CallFinished -> "end $at: " + if (e.success()) "ok" else "failed ${e.errorType()}"
    is UsageReported -> "usage $at"
    else -> "${e.javaClass.simpleName} $at"
  }
}
