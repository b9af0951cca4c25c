package io.llmgateway.ratelimit.redis

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeLessThanOrEqual
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import java.io.File
import kotlin.time.Duration.Companion.seconds

/**
 * The fleet on a real clock: the fake gateway in a JVM of its own (60 requests per 2 s for one
 * key), a real redis-server, and 4 or 8 app JVMs ([io.llmgateway.ratelimit.redis.fleet.FleetApp])
 * sharing 300 chat calls through `HiveOpsClient`s whose throttles (HiveOps' limits, in the fake's 2
 * s window) keep their window in a `RedisRateLimitStore` on its defaults. The floor is 8.0 s: five
 * windows, from a window boundary. Then the same with Redis hung (SIGSTOP) and resumed, then killed
 * and restarted, mid-run.
 */
class FleetSpec :
  FunSpec({
    val calls = 300
    val threadsPerApp = 4
    val windowMs = 2_000L
    val floorMs = 8_000L
    var redisOrNull: RedisProcess? = null
    var gatewayOrNull: ChildJvm? = null
    var gatewayUrl = ""
    // Started by the first test that runs (none when every test is skipped).
    val redis: () -> RedisProcess = {
      redisOrNull ?: TestRedis.startOwn().also { redisOrNull = it }
    }
    val gateway: () -> ChildJvm = {
      gatewayOrNull
        ?: ChildJvm("io.llmgateway.ratelimit.redis.fleet.FleetGateway", listOf("60", "$windowMs"))
          .also {
            gatewayOrNull = it
            gatewayUrl = it.awaitLine("URL ", 60).substringAfter("URL ")
          }
    }
    afterSpec {
      gatewayOrNull?.close()
      redisOrNull?.stop()
    }

    /** Requests of the shared key the fake saw, accepted, and the last one's arrival (epoch ms). */
    fun gatewaySeen(): Triple<Long, Long, Long> {
      gateway().send("STATS")
      val f = ChildJvm.fields(gateway().awaitLine("STATS ", 10))
      return Triple(
        f.getValue("requests").toLong(),
        f.getValue("accepted").toLong(),
        f.getValue("lastArrival").toLong(),
      )
    }

    class Run(
      val finished: Boolean,
      val apps: Int,
      val ok: Int,
      val failed: Int,
      val tooManyClient: Int,
      val tooManyServer: Long,
      val sentMs: Long,
      val wallMs: Long,
      val commandsPerCall: Double,
      val fallbacks: List<Int>,
      val recoveries: List<Int>,
      val timeouts: List<Int>,
      val slowestCommandMs: Long,
      val degradedAtEnd: Int,
      val slowestCallMs: Long,
      val startedDegraded: Int,
      val connectMs: List<Long>,
      val errors: String,
    ) {
      override fun toString() =
        "$apps apps, $calls calls (all finished: $finished): $ok ok, $failed failed $errors, 429s client $tooManyClient /" +
          " server $tooManyServer, last request reached the gateway at ${sentMs / 1000.0} s" +
          " (floor ${floorMs / 1000.0} s, ${"%.3f".format(sentMs.toDouble() / floorMs)}x), last" +
          " answer at ${wallMs / 1000.0} s (${"%.3f".format(wallMs.toDouble() / floorMs)}x)," +
          " Redis round trips per call" +
          " ${"%.2f".format(commandsPerCall)}, fallbacks $fallbacks, recoveries $recoveries," +
          " command timeouts $timeouts, slowest answered command $slowestCommandMs ms," +
          " slowest call $slowestCallMs ms, started degraded $startedDegraded," +
          " connect() ms $connectMs"
    }

    /** Starts [apps] JVMs, waits until all are warm, starts them together at a window boundary. */
    fun fleet(apps: Int, during: (startAt: Long) -> Unit = {}): Run {
      val (seenBefore, acceptedBefore, _) = gatewaySeen()
      val shares = (0 until apps).map { calls / apps + if (it < calls % apps) 1 else 0 }
      val children = shares.map {
        ChildJvm(
          "io.llmgateway.ratelimit.redis.fleet.FleetApp",
          listOf(redis().url, gatewayUrl, "$it", "$threadsPerApp", "$windowMs"),
        )
      }
      try {
        val ready = children.map { ChildJvm.fields(it.awaitLine("READY", 120)) }
        val startAt = (System.currentTimeMillis() + 700) / windowMs * windowMs + windowMs
        children.forEach { it.send("GO $startAt") }
        during(startAt)
        val done = children.map { ChildJvm.fields(it.awaitLine("DONE", 90)) }
        val (seenAfter, acceptedAfter, lastArrival) = gatewaySeen()
        return Run(
          finished = done.all { it.getValue("finished") == "true" },
          apps = apps,
          ok = done.sumOf { it.getValue("ok").toInt() },
          failed = done.sumOf { it.getValue("failed").toInt() },
          tooManyClient = done.sumOf { it.getValue("tooMany").toInt() },
          tooManyServer = (seenAfter - seenBefore) - (acceptedAfter - acceptedBefore),
          sentMs = lastArrival - startAt,
          wallMs = done.maxOf { it.getValue("lastEnd").toLong() } - startAt,
          commandsPerCall = done.sumOf { it.getValue("commands").toLong() }.toDouble() / calls,
          fallbacks = done.map { it.getValue("fallbacks").toInt() },
          recoveries = done.map { it.getValue("recoveries").toInt() },
          timeouts = done.map { it.getValue("timeouts").toInt() },
          slowestCommandMs = done.maxOf { it.getValue("slowestCommandMs").toLong() },
          degradedAtEnd = done.count { it.getValue("degraded") == "true" },
          slowestCallMs = done.maxOf { it.getValue("slowestCallMs").toLong() },
          startedDegraded = ready.count { it.getValue("startedDegraded") == "true" },
          connectMs = ready.map { it.getValue("connectMs").toLong() },
          errors = done.map { it.getValue("errors") }.filter { it != "{}" }.joinToString(),
        )
      } finally {
        children.forEach { it.close() }
      }
    }

    fun report(name: String, run: Run) {
      val line = "FleetSpec $name: $run"
      println(line)
      File("target").mkdirs()
      File("target/fleet-results.txt").appendText(line + "\n")
      run.finished shouldBe true // no app had a call left after 60 s
    }

    fun sleepUntil(epochMs: Long) {
      val d = epochMs - System.currentTimeMillis()
      if (d > 0) Thread.sleep(d)
    }

    for (apps in listOf(4, 8)) {
      test("$apps app JVMs share 300 calls on the defaults: 0 x 429, 0 failed, within 10 % of 8 s")
        .config(enabledOrReasonIf = TestRedis.own, timeout = 150.seconds) {
          val run = fleet(apps)
          report("shared window", run)
          run.ok shouldBe calls
          run.failed shouldBe 0
          run.tooManyServer shouldBe 0L
          run.tooManyClient shouldBe 0
          run.startedDegraded shouldBe 0 // connection set-up fits the connect timeout
          run.fallbacks.sum() shouldBe 0 // no command was slow enough to give up on Redis
          // The floor is when the last requests can be sent: five windows from the boundary.
          run.sentMs.toDouble() / floorMs shouldBeLessThanOrEqual 1.10
          run.wallMs.toDouble() / floorMs shouldBeLessThanOrEqual 1.25 // and their answers
        }
    }

    test("Redis hung (SIGSTOP), resumed, killed and restarted mid-run: every call accounted for")
      .config(enabledOrReasonIf = TestRedis.own, timeout = 150.seconds) {
        val run =
          fleet(4) { startAt ->
            // Each event spans a window boundary (2 s, 4 s), when every app sends.
            sleepUntil(startAt + 1_500)
            redis().pause()
            sleepUntil(startAt + 2_500)
            redis().resume()
            sleepUntil(startAt + 3_800)
            redis().kill()
            sleepUntil(startAt + 4_600)
            redis().start() // empty, on the same port
          }
        report("Redis hung at 1.5 s, resumed at 2.5 s, killed at 3.8 s, restarted at 4.6 s", run)
        run.ok + run.failed shouldBe calls // each call succeeded or failed typed, none hung
        run.errors.contains("untyped") shouldBe false
        // Every app fell back (once if it had not rejoined after the hang when Redis was
        // killed), rejoined after each fallback, and ended on Redis.
        run.fallbacks.forEach { it shouldBeGreaterThanOrEqual 1 }
        run.recoveries shouldBe run.fallbacks
        run.degradedAtEnd shouldBe 0
      }
  })
