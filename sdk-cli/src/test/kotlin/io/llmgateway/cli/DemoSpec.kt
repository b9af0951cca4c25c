package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldMatch
import io.llmgateway.cli.console.Json

class DemoSpec :
  FunSpec({
    test("the demo walks through every part in seconds and says waits are shortened") {
      val start = System.nanoTime()
      val run = runCli("demo")
      (System.nanoTime() - start) / 1_000_000 shouldBeLessThan 30_000L
      run.exit shouldBe 0
      for (part in
        listOf(
          "waits are shortened",
          "1. A SaaS LiteLLM job",
          "2. A stream cut mid-way",
          "3. The SaaS guide's error table",
          "4. A burst beyond the HiveOps rate limit",
          "5. HiveOps: model mapping",
          "6. Metrics",
        )) {
        run.out.lowercase() shouldContain part.lowercase()
      }
      run.out shouldContain "503      503 on every attempt"
      run.out shouldContain "SDK throttling     :  0 x 429"
    }

    test("the demo in JSON mode prints one object per result, each with the stable fields") {
      val run = runCli("demo", "--json")
      run.exit shouldBe 0
      val objects = run.out.trim().lines().map { Json.read(it) }
      objects.map { it["section"] } shouldContainAll
        listOf("job", "stream", "errors", "burst", "hiveops", "metrics")
      for (o in objects) {
        o.keys shouldContainAll
          listOf("ok", "provider", "attempts", "waited_ms", "latency_ms", "startup_ms", "cost_usd")
        // Money is a plain decimal string: "0.00000042", never 4.2E-7.
        (o["cost_usd"] as String?)?.let { it shouldMatch Regex("[0-9]+(\\.[0-9]*[1-9])?") }
      }
      val burst = objects.first { it["section"] == "burst" }
      burst["sdk_429s"] shouldBe 0.0
      (burst["naive_429s"] as Double) shouldBe ((burst["naive_429s"] as Double).coerceAtLeast(1.0))
      val errors = objects.filter { it["section"] == "errors" }
      errors.map { it["scenario_status"] } shouldBe
        listOf("400", "401", "403", "404", "422", "429", "500", "503", "timeout", "network")
    }

    test("simulate runs one named scenario with the exit code of its outcome") {
      val rateLimited = runCli("simulate", "rate-limited", "--json")
      rateLimited.exit shouldBe 0
      rateLimited.json()["attempts"] shouldBe 2.0
      runCli("simulate", "unavailable").exit shouldBe 6
      runCli("simulate", "no-credits").exit shouldBe 4
      runCli("simulate", "timeout").exit shouldBe 7
      runCli("simulate", "stream-cut").exit shouldBe 8
      runCli("simulate", "nope").exit shouldBe 2
      runCli("simulate", "--list").out shouldContain "rate-limit-burst"
    }

    test("simulate --list --json is one JSON object listing every scenario") {
      val run = runCli("simulate", "--list", "--json")
      run.exit shouldBe 0
      val scenarios = run.json()["scenarios"] as List<*>
      scenarios.map { (it as Map<*, *>)["name"] } shouldContainAll
        listOf("rate-limited", "unavailable", "stream-cut", "rate-limit-burst")
      run.out.trim().lines().size shouldBe 1
    }

    test("simulate --json without a name is a JSON usage error that lists the scenarios") {
      val run = runCli("simulate", "--json")
      run.exit shouldBe 2
      run.error()["kind"] shouldBe "usage"
      (run.json()["scenarios"] as List<*>).size shouldBe 12
    }

    test("a simulated call reports its latency and, beside it, the start-up before it") {
      val run = runCli("simulate", "server-error", "--json")
      run.exit shouldBe 0
      (run.json()["startup_ms"] as Double) shouldBeGreaterThan 0.0 // the embedded fake started
      run.json().keys shouldContainAll listOf("latency_ms", "startup_ms")
    }
  })
