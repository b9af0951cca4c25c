package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.llmgateway.cli.console.Env
import io.llmgateway.cli.console.Json
import io.llmgateway.cli.console.Result
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Latency
import java.io.PrintWriter
import java.io.StringWriter
import java.time.Clock
import java.time.Duration

/** latency_ms is the call alone; what came before it (building the client) is startup_ms. */
class CommandRunSpec :
  FunSpec({
    test("a slow start-up is startup_ms, a slow answer is latency_ms") {
      val answer = Duration.ofMillis(400)
      FakeGateway.builder().latency(Latency.of(answer, Duration.ZERO)).start().use { fake ->
        val out = StringWriter()
        val env =
          Env(
            PrintWriter(out),
            PrintWriter(StringWriter()),
            mapOf(
              "SAAS_LITELLM_VIRTUAL_KEY" to "sk-fake-acme",
              "SAAS_LITELLM_BASE_URL" to fake.saasBaseUrl(),
              "SAAS_LITELLM_TEAM_ID" to "acme",
            ),
            Sleeper {},
            Clock.systemUTC(),
          )
        val options = GatewayOptions().apply { json = true }
        val exit =
          CommandRun.run("chat", options, env) { tally, _ ->
            Thread.sleep(300) // a start-up as slow as a cold JVM's
            Gateways.saas(options, env, tally)
              .createAndCall(
                JobSpec.of("t"),
                LlmCallRequest.builder("chat-fast").user("hi").build(),
              )
            Result.ok("chat", "saas-litellm")
          }

        exit shouldBe 0
        val json = Json.read(out.toString().trim())
        val latency = (json["latency_ms"] as Double).toLong()
        val startup = (json["startup_ms"] as Double).toLong()
        startup shouldBeGreaterThanOrEqual 300L
        latency shouldBeGreaterThanOrEqual answer.toMillis()
        latency shouldBeLessThan answer.toMillis() + 300 // the start-up is not in it
      }
    }
  })
