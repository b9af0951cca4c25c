package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.testing.fault.Fault
import io.llmgateway.testing.kotest.FakeGatewayListener

class CanaryKeySpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    val canary = "sk-CANARY-do-not-print-7f3a9c1e5b2d"
    val canaryBody = "CANARY-do-not-print"

    fun assertNoKey(run: CliRun) {
      run.out shouldNotContain canaryBody
      run.err shouldNotContain canaryBody
    }

    test("a canary key never appears in any output of any command, human or JSON") {
      // The fake echoes nothing of an unknown key; make one fault echo it to be sure we scrub.
      fake.gateway
        .faults()
        .on("POST", "/api/jobs/create-and-call")
        .next(Fault.detail(401, "Invalid key $canary"))
      val saas = arrayOf("--base-url", fake.gateway.saasBaseUrl(), "--team", "acme")
      val hive = arrayOf("--provider", "hiveops", "--base-url", fake.gateway.hiveOpsBaseUrl())
      val runs = mutableListOf<CliRun>()
      for (json in listOf(emptyArray(), arrayOf("--json"))) {
        runs += runCli("chat", *saas, *json, "--key", canary, "hi")
        runs +=
          runCli("chat", *saas, *json, "hi", env = mapOf("SAAS_LITELLM_VIRTUAL_KEY" to canary))
        runs += runCli("stream", *saas, *json, "--key", canary, "hi")
        runs += runCli("job", *saas, *json, "--key", canary, "hi")
        runs += runCli("doctor", *saas, *json, "--key", canary)
        runs += runCli("chat", *hive, *json, "--key", canary, "hi")
        runs += runCli("doctor", *hive, *json, env = mapOf("HIVEOPS_API_KEY" to canary))
      }
      runs.forEach(::assertNoKey)
      // The doctor shows which key it used, masked.
      runCli("doctor", *hive, "--key", canary).out shouldContain "sk-...5b2d"
    }
  })
