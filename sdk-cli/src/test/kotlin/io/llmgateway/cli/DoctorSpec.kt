package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
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
  })
