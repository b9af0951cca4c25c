package io.llmgateway.reliability

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.llmgateway.cli.Cli
import io.llmgateway.cli.console.Env
import io.llmgateway.pipeline.Sleeper
import java.io.PrintWriter
import java.io.StringWriter
import java.time.Clock

/**
 * The canary keys through the `llmgw` command line: every matrix row that ends without a client
 * timeout (the CLI keeps the guide's long timeouts) is replayed through `job`, `stream` or `chat`,
 * human and `--json`, and nothing the command prints may hold a key. The JSON result must say what
 * the row says: ok, or an error.
 */
class CliCanarySpec :
  FunSpec({
    fun llmgw(vararg args: String): Pair<Int, String> {
      val out = StringWriter()
      val err = StringWriter()
      val env =
        Env(
          PrintWriter(out, true),
          PrintWriter(err, true),
          emptyMap(),
          Sleeper {},
          Clock.systemUTC(),
        )
      val exit = Cli.execute(env, *args)
      return exit to "$out\n$err"
    }

    fun command(scenario: Scenario, baseUrl: String): Array<String> =
      when {
        scenario.gateway == Gateway.HIVEOPS ->
          arrayOf(
            if (scenario.shape == Shape.STREAM) "stream" else "chat",
            "--provider",
            "hiveops",
            "--key",
            Canary.hiveKey,
          )
        scenario.shape == Shape.STREAM ->
          arrayOf("stream", "--team", "acme", "--key", Canary.saasKey)
        else -> arrayOf("job", "--team", "acme", "--key", Canary.saasKey)
      } + arrayOf("--base-url", baseUrl, "--model", scenario.model)

    for (scenario in (saasScenarios + hiveOpsScenarios).filterNot { it.timesOut }) {
      test("llmgw | $scenario") {
        for (json in listOf(false, true)) {
          Case(scenario, virtualTime = true).use { case ->
            val args =
              command(scenario, case.gateway.url()) +
                (if (json) arrayOf("--json") else emptyArray()) +
                "Tell me about lighthouses"
            val (exit, printed) = llmgw(*args)
            Canary.assertAbsent("llmgw output", printed)
            withClue(printed) {
              if (scenario.expect is Expect.Success) exit shouldBe 0 else exit shouldNotBe 0
            }
          }
        }
      }
    }
  })
