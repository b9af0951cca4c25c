package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.cli.console.Json
import java.io.File
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/** Runs the shaded llmgw jar as a real process (after `package`, under failsafe). */
class LlmgwJarIT :
  FunSpec({
    val jar = File(System.getProperty("llmgw.jar") ?: error("llmgw.jar is not set"))
    val java = File(System.getProperty("java.home"), "bin/java").path

    fun llmgw(vararg args: String, env: Map<String, String> = emptyMap()): CliRun {
      val process =
        ProcessBuilder(listOf(java, "-jar", jar.path) + args)
          .apply { environment().putAll(env) }
          .redirectErrorStream(false)
          .start()
      // stderr is read on its own thread: a full stderr pipe must not block the process while we
      // wait on stdout.
      val err = CompletableFuture.supplyAsync { process.errorStream.bufferedReader().readText() }
      val out = process.inputStream.bufferedReader().readText()
      process.waitFor(60, TimeUnit.SECONDS) shouldBe true
      return CliRun(process.exitValue(), out, err.get(10, TimeUnit.SECONDS))
    }

    test("the jar runs the demo as one JSON object per line") {
      val run = llmgw("demo", "--json")
      run.exit shouldBe 0
      run.out.trim().lines().map { Json.read(it)["ok"] != null }.all { it } shouldBe true
      run.err shouldNotContain "Exception"
    }

    test("the jar maps a gateway error to its exit code and never prints the key") {
      val key = "sk-CANARY-process-0000aaaa"
      val run =
        llmgw(
          "doctor",
          "--provider",
          "hiveops",
          "--base-url",
          "http://127.0.0.1:9", // nothing listens on the discard port; doctor probes once
          env = mapOf("HIVEOPS_API_KEY" to key),
        )
      run.exit shouldBe 7
      run.out shouldContain "FAIL  gateway reachable"
      run.out shouldContain "sk-...aaaa"
      (run.out + run.err) shouldNotContain "CANARY-process"
    }
  })
