package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeSortedDescending
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeGreaterThanOrEqual
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeInRange
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.seed.Seed
import java.time.Duration

/** A team allowed two requests a minute: the third request of a job waits for the window. */
private const val SLOW_TEAM =
  """{"teams": [{"id": "slow", "virtualKey": "sk-fake-slow", "credits": 100, "rpm": 2,
      "aliases": [{"alias": "chat-fast", "provider": "openai", "model": "gpt-4o-mini"}]}],
    "modelGroups": [], "hiveOpsKeys": []}"""

/** `llmgw job --json` of two questions as the slow team, waiting with [sleeper] on [clock]. */
private fun twoCallJob(fake: FakeGateway, clock: java.time.Clock, sleeper: Sleeper): CliRun =
  runCli(
    "job",
    "--json",
    "--base-url",
    fake.saasBaseUrl(),
    "--team",
    "slow",
    "one",
    "two",
    env = mapOf("SAAS_LITELLM_VIRTUAL_KEY" to "sk-fake-slow"),
    clock = clock,
    sleeper = sleeper,
  )

class WaitProgressSpec :
  FunSpec({
    test("a throttle wait over 2 s says on stderr what it waits for and how long is left") {
      val start = java.time.Instant.parse("2026-03-20T12:00:00.500Z")
      val clock = io.llmgateway.testing.FakeClock(start)
      FakeGateway.builder().clock(clock).seed(Seed.fromJson(SLOW_TEAM, start)).start().use { fake ->
        // The CLI waits on the fake's clock, so the window really resets after the wait.
        val run = twoCallJob(fake, clock, Sleeper { clock.advance(it) })

        run.exit shouldBe 0
        run.json()["calls"] shouldBe 2.0
        val lines = run.err.lines().filter { it.startsWith("llmgw: waiting for room") }
        lines.size shouldBeGreaterThan 1 // one line, then one every 10 s
        lines.first() shouldContain
          "waiting for room in the rate-limit window of saas-litellm jobs.llm-call"
        val left = lines.map { Regex("(\\d+) s left").find(it)!!.groupValues[1].toInt() }
        left.shouldBeSortedDescending()
        left.first() shouldBeGreaterThan 10
        (run.json()["waited_ms"] as Double) shouldBeGreaterThanOrEqual (left.first() - 1) * 1000.0
      }
    }

    test("on the real clock, a wait for a served fake's 4 s window is said on stderr") {
      // The fake's windows start on multiples of their length since the epoch. Both sides read a
      // real clock shifted to stand at the start of one, so whenever the test runs the third
      // request waits out most of the 4 s; it really sleeps, and the whole test stays near 4 s.
      val window = Duration.ofSeconds(4)
      val now = System.currentTimeMillis()
      val clock =
        java.time.Clock.offset(
          java.time.Clock.systemUTC(),
          Duration.ofMillis(window.toMillis() - Math.floorMod(now, window.toMillis())),
        )
      FakeGateway.builder()
        .clock(clock)
        .saasRateWindow(window)
        .seed(Seed.fromJson(SLOW_TEAM, clock.instant()))
        .start()
        .use { fake ->
          val started = System.nanoTime()
          val run = twoCallJob(fake, clock, Sleeper.system())
          val tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis()

          run.exit shouldBe 0
          run.json()["calls"] shouldBe 2.0
          val line = run.err.lines().single { it.startsWith("llmgw: waiting for room") }
          line shouldContain "rate-limit window of saas-litellm jobs.llm-call"
          // About 4 s, less what the calls before it took, plus the limiter's edge margin.
          Regex("(\\d+) s left").find(line)!!.groupValues[1].toInt() shouldBeInRange 3..5
          (run.json()["waited_ms"] as Double) shouldBeGreaterThan 2000.0
          tookMs shouldBeGreaterThan 2000L // slept on the real clock, not skipped
        }
    }

    test("waits of 2 s or less pass silently; longer ones count down every 10 s") {
      val slept = mutableListOf<Duration>()
      val err = java.io.StringWriter()
      val progress = WaitProgress(java.io.PrintWriter(err), Sleeper { slept += it })
      progress.sleep(Duration.ofMillis(2000))
      err.toString() shouldBe ""

      progress.sleep(Duration.ofMillis(24_500))
      err.toString().lines().filter { it.isNotEmpty() } shouldBe
        listOf("llmgw: waiting: 25 s left", "llmgw: waiting: 15 s left", "llmgw: waiting: 5 s left")
      slept shouldBe
        listOf(2000L, 10_000L, 10_000L, 4_500L).map { Duration.ofMillis(it) } // nothing lost
    }
  })
