package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/** With --json, stdout is one JSON object even when the command line itself is wrong. */
class JsonEverywhereSpec :
  FunSpec({
    test("an unknown flag with --json is a JSON usage error on stdout") {
      val run = runCli("chat", "--json", "--nope", "hi")
      run.exit shouldBe 2
      run.json()["ok"] shouldBe false
      run.error()["kind"] shouldBe "usage"
      (run.error()["message"] as String) shouldContain "--nope"
      run.out.trim().lines().size shouldBe 1
    }

    test("a missing prompt with --json is a JSON usage error too") {
      val run = runCli("stream", "--json")
      run.exit shouldBe 2
      run.json()["command"] shouldBe "stream"
    }
  })
