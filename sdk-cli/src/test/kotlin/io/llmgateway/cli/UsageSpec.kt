package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.cli.console.Keys

class UsageSpec :
  FunSpec({
    val commands = listOf("demo", "doctor", "chat", "stream", "job", "simulate", "serve")

    test("every command has --help with the exit-code table") {
      for (command in commands) {
        val run = runCli(command, "--help")
        run.exit shouldBe 0
        run.out shouldContain "Usage: llmgw $command"
        run.out shouldContain "4  balance/credits"
      }
      runCli("--help").out shouldContain "8  stream interrupted"
    }

    test("a missing key is exit 2 with the variable to set, no stack trace") {
      val run = runCli("chat", "--base-url", "https://gw.example.com", "--team", "acme", "hi")
      run.exit shouldBe 2
      run.err shouldContain "SAAS_LITELLM_VIRTUAL_KEY"
      run.err shouldNotContain "Exception"
      run.err shouldNotContain "\tat "
    }

    test("a missing key in JSON mode is a usage error object") {
      val run = runCli("chat", "--json", "--provider", "hiveops", "hi")
      run.exit shouldBe 2
      run.error()["kind"] shouldBe "usage"
      run.json()["ok"] shouldBe false
    }

    test("an unknown flag or provider is exit 2") {
      runCli("chat", "--nope", "hi").exit shouldBe 2
      runCli("chat", "--provider", "other", "hi", env = mapOf("SAAS_LITELLM_VIRTUAL_KEY" to "k"))
        .exit shouldBe 2
      runCli().exit shouldBe 2
    }

    test("keys are masked to the sk- prefix and at most the last four characters") {
      Keys.mask("sk-abcdefghijklmnop1234") shouldBe "sk-...1234"
      Keys.mask("sk-short") shouldBe "sk-..."
      Keys.mask(null) shouldBe "(none)"
    }

    test("serve starts the fake gateway and says where it listens") {
      val run = runCli("serve", "--port", "0", "--duration-seconds", "0")
      run.exit shouldBe 0
      run.out shouldContain "Fake gateway listening on http://127.0.0.1:"
      val json = runCli("serve", "--json", "--port", "0", "--duration-seconds", "0")
      json.exit shouldBe 0
      (json.json()["url"] as String) shouldContain "http://127.0.0.1:"
    }
  })
