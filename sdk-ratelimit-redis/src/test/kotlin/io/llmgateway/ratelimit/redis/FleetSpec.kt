package io.llmgateway.ratelimit.redis

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainOnly
import io.kotest.matchers.doubles.shouldBeLessThanOrEqual
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import java.io.File
import kotlin.time.Duration.Companion.seconds

/**
 * The fleet on a real clock: the fake gateway in a JVM of its own (60 requests per 2 s for one
 * key), a real redis-server, and 4 or 8 app JVMs ([io.llmgateway.ratelimit.redis.fleet.FleetApp])
 * sharing 300 chat calls through `HiveOpsClient.builder().rateLimitStore(store, key)` and a
 * `RedisRateLimitStore` on its defaults. The floor is 8.0 s: five windows, from a window boundary.
 * Then the same with Redis hung (SIGSTOP) and resumed, then killed and restarted, mid-run.
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

    fun gatewaySeen(): Pair<Long, Long> {
      gateway().send("STATS")
      val f = ChildJvm.fields(gateway().awaitLine("STATS ", 10))
      return f.getValue("requests").toLong() to f.getValue("accepted").toLong()
    }

    class Run(
      val apps: Int,
      val ok: Int,
      val failed: Int,
      val tooManyClient: Int,
      val tooManyServer: Long,
      val wallMs: Long,
      val commandsPerCall: Double,
      val fallbacks: List<Int>,
      val recoveries: List<Int>,
      val timeouts: List<Int>,
      val slowestCommandMs: Long,
      val slowestCallMs: Long,
      val startedDegraded: Int,
      val connectMs: List<Long>,
      val errors: String,
    ) {
      override fun toString() =
        "$apps apps, $calls calls: $ok ok, $failed failed $errors, 429s client $tooManyClient /" +
          " server $tooManyServer, wall ${wallMs / 1000.0} s (floor ${floorMs / 1000.0} s," +
          " ${"%.3f".format(wallMs.toDouble() / floorMs)}x), Redis round trips per call" +
          " ${"%.2f".format(commandsPerCall)}, fallbacks $fallbacks, recoveries $recoveries," +
          " command timeouts $timeouts, slowest answered command $slowestCommandMs ms," +
          " slowest call $slowestCallMs ms, started degraded $startedDegraded," +
          " connect() ms $connectMs"
    }

    /** Starts [apps] JVMs, waits until all are warm, starts them together at a window boundary. */
    fun fleet(apps: Int, during: (startAt: Long) -> Unit = {}): Run {
      val (seenBefore, acceptedBefore) = gatewaySeen()
      val shares = (0 until apps).map { calls / apps + if (it < calls % apps) 1 else 0 }
      val children = shares.map {
        ChildJvm(
          "io.llmgateway.ratelimit.redis.fleet.FleetApp",
          listOf(redis().url, gatewayUrl, "$it", "$threadsPerApp"),
        )
      }
      try {
        val ready = children.map { ChildJvm.fields(it.awaitLine("READY", 120)) }
        val startAt = (System.currentTimeMillis() + 700) / windowMs * windowMs + windowMs
        children.forEach { it.send("GO $startAt") }
        during(startAt)
        val done = children.map { ChildJvm.fields(it.awaitLine("DONE", 90)) }
        val (seenAfter, acceptedAfter) = gatewaySeen()
        done.map { it.getValue("finished") } shouldContainOnly listOf("true")
        return Run(
          apps = apps,
          ok = done.sumOf { it.getValue("ok").toInt() },
          failed = done.sumOf { it.getValue("failed").toInt() },
          tooManyClient = done.sumOf { it.getValue("tooMany").toInt() },
          tooManyServer = (seenAfter - seenBefore) - (acceptedAfter - acceptedBefore),
          wallMs = done.maxOf { it.getValue("lastEnd").toLong() } - startAt,
          commandsPerCall = done.sumOf { it.getValue("commands").toLong() }.toDouble() / calls,
          fallbacks = done.map { it.getValue("fallbacks").toInt() },
          recoveries = done.map { it.getValue("recoveries").toInt() },
          timeouts = done.map { it.getValue("timeouts").toInt() },
          slowestCommandMs = done.maxOf { it.getValue("slowestCommandMs").toLong() },
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
          run.wallMs.toDouble() / floorMs shouldBeLessThanOrEqual 1.10
        }
    }

    test("Redis hung (SIGSTOP), resumed, killed and restarted mid-run: every call accounted for")
      .config(enabledOrReasonIf = TestRedis.own, timeout = 150.seconds) {
        val run =
          fleet(4) { startAt ->
            sleepUntil(startAt + 2_000)
            redis().pause()
            sleepUntil(startAt + 3_500)
            redis().resume()
            sleepUntil(startAt + 5_000)
            redis().kill()
            sleepUntil(startAt + 6_000)
            redis().start() // empty, on the same port
          }
        report("Redis hung at 2 s, resumed at 3.5 s, killed at 5 s, restarted at 6 s", run)
        run.ok + run.failed shouldBe calls // each call succeeded or failed typed, none hung
        run.errors.contains("untyped") shouldBe false
        run.fallbacks.forEach { it shouldBeGreaterThanOrEqual 2 } // the hang, then the kill
        run.recoveries.forEach { it shouldBeGreaterThanOrEqual 2 } // each rejoined both times
      }
  })
