package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import io.llmgateway.testing.fault.Fault
import io.llmgateway.testing.kotest.FakeGatewayListener

class StreamAndJobSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())
    val acme = mapOf("SAAS_LITELLM_VIRTUAL_KEY" to "sk-fake-acme", "SAAS_LITELLM_TEAM_ID" to "acme")

    test("a stream prints the whole answer and reports its chunks") {
      val run =
        runCli("stream", "--base-url", fake.gateway.saasBaseUrl(), "tell", "a", "story", env = acme)
      run.exit shouldBe 0
      run.out shouldContain "Fake reply to: tell a story"
    }

    test("a stream cut mid-way is exit 8 and keeps the partial text") {
      fake.gateway
        .faults()
        .on("POST", "/api/jobs/create-and-call-stream")
        .next(Fault.disconnectAfterEvents(4))
      val run =
        runCli(
          "stream",
          "--json",
          "--base-url",
          fake.gateway.saasBaseUrl(),
          "tell",
          "me",
          "a",
          "long",
          "story",
          env = acme,
        )
      run.exit shouldBe 8
      run.error()["kind"] shouldBe "stream_interrupted"
      (run.json()["partial_text"] as String) shouldStartWith "Fake reply"
    }

    test("a HiveOps stream prints the mapped model's answer and its cost") {
      val run =
        runCli(
          "stream",
          "--json",
          "--provider",
          "hiveops",
          "--base-url",
          fake.gateway.hiveOpsBaseUrl(),
          "--model",
          "gpt-3.5-turbo",
          "hello",
          env = mapOf("HIVEOPS_API_KEY" to "sk-fake-hive"),
        )
      run.exit shouldBe 0
      run.json()["text"] shouldBe "Fake reply to: hello"
      run.json()["model"] shouldBe "llama3:8b-instruct-q8_0"
      run.json()["provider"] shouldBe "hiveops"
    }

    test("a HiveOps stream cut mid-way is exit 8 with the partial text") {
      fake.gateway.faults().on("POST", "/chat/completions").next(Fault.disconnectAfterEvents(3))
      val run =
        runCli(
          "stream",
          "--json",
          "--provider",
          "hiveops",
          "--base-url",
          fake.gateway.hiveOpsBaseUrl(),
          "one",
          "two",
          "three",
          "four",
          env = mapOf("HIVEOPS_API_KEY" to "sk-fake-hive"),
        )
      run.exit shouldBe 8
      (run.json()["partial_text"] as String) shouldStartWith "Fake"
    }

    test("a job makes one call per prompt and is completed exactly once") {
      val run =
        runCli(
          "job",
          "--json",
          "--base-url",
          fake.gateway.saasBaseUrl(),
          "first",
          "second",
          "third",
          env = acme,
        )
      run.exit shouldBe 0
      val json = run.json()
      json["calls"] shouldBe 3.0
      json["attempts"] shouldBe 5.0 // create, three calls, complete
      json["answers"] shouldBe
        listOf("Fake reply to: first", "Fake reply to: second", "Fake reply to: third")
      val jobId = json["job_id"] as String
      fake.gateway.state().job(jobId).completeCount() shouldBe 1
    }

    test("a job retries a 500 on a call and still completes once") {
      fake.gateway.faults().on("POST", "/api/jobs/*/llm-call").next(Fault.status(500)).thenPass()
      val run = runCli("job", "--json", "--base-url", fake.gateway.saasBaseUrl(), "one", env = acme)
      run.exit shouldBe 0
      run.json()["attempts"] shouldBe 4.0
      fake.gateway.state().job(run.json()["job_id"] as String).completeCount() shouldBe 1
    }
  })
