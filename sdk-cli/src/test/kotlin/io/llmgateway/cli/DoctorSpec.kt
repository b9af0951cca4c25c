package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.testing.fault.Fault
import io.llmgateway.testing.kotest.FakeGatewayListener

class DoctorSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())

    fun hive(key: String, vararg extra: String) =
      runCli(
        "doctor",
        "--provider",
        "hiveops",
        "--base-url",
        fake.gateway.hiveOpsBaseUrl(),
        *extra,
        env = mapOf("HIVEOPS_API_KEY" to key),
      )

    test("a healthy HiveOps setup passes every line of the checklist") {
      val run = hive("sk-fake-hive")
      run.exit shouldBe 0
      for (name in
        listOf(
          "base URL",
          "API key format",
          "model name",
          "balance",
          "rate-limit headroom",
          "retry settings",
        )) {
        run.out shouldContain Regex("PASS +$name")
      }
      run.out shouldContain "59 of 60 requests left"
    }

    test("an OpenAI model name fails with the guide's mapping as the fix") {
      val run = hive("sk-fake-hive", "--model", "gpt-3.5-turbo", "--json")
      run.exit shouldBe 9
      val checks = run.json()["checks"] as List<*>
      val model = checks.map { it as Map<*, *> }.first { it["name"] == "model name" }
      model["ok"] shouldBe false
      (model["fix"] as String) shouldContain "llama3:8b-instruct-q8_0"
    }

    test("an empty balance fails with exit 4 and says to add funds") {
      val run = hive("sk-fake-hive-broke")
      run.exit shouldBe 4
      run.out shouldContain Regex("FAIL +balance")
      run.out shouldContain "add funds"
    }

    test("a key without sk- and an expired key fail as auth problems") {
      hive("hive-123456789").exit shouldBe 3
      val expired = hive("sk-fake-hive-old")
      expired.exit shouldBe 3
      expired.out shouldContain "90 days"
    }

    test("a base URL pointing at OpenAI fails the first line") {
      val run =
        runCli(
          "doctor",
          "--provider",
          "hiveops",
          "--base-url",
          "https://api.openai.com/v1",
          env = mapOf("HIVEOPS_API_KEY" to "sk-fake-hive"),
        )
      run.exit shouldBe 2
      run.out shouldContain Regex("FAIL +base URL")
    }

    test("the SaaS checklist reads the team's credits") {
      val run =
        runCli(
          "doctor",
          "--base-url",
          fake.gateway.saasBaseUrl(),
          "--team",
          "acme",
          env = mapOf("SAAS_LITELLM_VIRTUAL_KEY" to "sk-fake-acme"),
        )
      run.exit shouldBe 0
      run.out shouldContain "1000 of 1000 remaining"
      val broke =
        runCli(
          "doctor",
          "--base-url",
          fake.gateway.saasBaseUrl(),
          "--team",
          "broke",
          env = mapOf("SAAS_LITELLM_VIRTUAL_KEY" to "sk-fake-broke"),
        )
      broke.exit shouldBe 4
    }

    fun saas(team: String, vararg extra: String) =
      runCli(
        "doctor",
        "--base-url",
        fake.gateway.saasBaseUrl(),
        "--team",
        team,
        *extra,
        env = mapOf("SAAS_LITELLM_VIRTUAL_KEY" to "sk-fake-$team"),
      )

    fun CliRun.check(name: String): Map<*, *> =
      (json()["checks"] as List<*>).map { it as Map<*, *> }.first { it["name"] == name }

    test("a suspended team's 403 is named from the team's record, with the fix") {
      val run = saas("umbrella", "--json")
      run.exit shouldBe 3
      val status = run.check("team status")
      status["ok"] shouldBe false
      (status["detail"] as String) shouldContain "team umbrella is suspended"
      (status["detail"] as String) shouldContain "HTTP 403"
      (status["fix"] as String) shouldContain "administrator"
      run.check("key and team")["ok"] shouldBe true // the key is right: not its fault
      (run.error()["message"] as String) shouldContain "suspended"
      (run.error()["message"] as String) shouldNotContain "base URL"
    }

    test("a paused team's 403 says paused and how to resume") {
      val run = saas("hooli")
      run.exit shouldBe 3
      run.out shouldContain Regex("FAIL +team status +team hooli is paused")
      run.out shouldContain "resume"
    }

    test("a team without credits fails the credits line with exit 4 and says to add credits") {
      val run = saas("broke")
      run.exit shouldBe 4
      run.out shouldContain Regex("FAIL +credits +team broke has 0 credits left")
      run.out shouldContain "add credits to team broke"
    }

    test("a model the team may not use fails model access and names the models it may") {
      val run = saas("acme", "--model", "chat-premium")
      run.exit shouldBe 3
      run.out shouldContain Regex("FAIL +model access +team acme may not use chat-premium")
      run.out shouldContain "use --model chat-fast"
      run.out shouldContain Regex("PASS +team status +active")
    }

    test("a HiveOps 403 other than the balance is named as such, not as a network problem") {
      fake.gateway
        .faults()
        .on("POST", "/chat/completions")
        .next(Fault.openAiError(403, "This account is blocked.", "permission_error", null))
      val run = hive("sk-fake-hive")
      run.exit shouldBe 3
      run.out shouldContain Regex("FAIL +key accepted +HTTP 403: This account is blocked.")
      run.out shouldNotContain "gateway reachable"
    }
  })
