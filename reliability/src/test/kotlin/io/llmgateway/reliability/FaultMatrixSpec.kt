package io.llmgateway.reliability

import io.kotest.assertions.fail
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotBeEmpty
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.metrics.MetricsSnapshot
import io.llmgateway.reliability.logs.CapturedLogs
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException

/**
 * Every scenario of the fault matrix through every client: the typed outcome, the requests the fake
 * saw (what is retried is retried, what is not is not), no hang, nothing left running or open,
 * every job completed exactly once, and the canary keys nowhere a user could read them.
 */
class FaultMatrixSpec :
  FunSpec({
    CapturedLogs.install()
    val runner = Executors.newCachedThreadPool { r ->
      Thread(r, "matrix-case").apply { isDaemon = true }
    }
    afterSpec { runner.shutdownNow() }

    // Class loading and the first JIT pass are slower than a row's timeouts on a busy machine.
    beforeSpec {
      for (driver in drivers) {
        for (shape in Shape.entries) {
          val warmUp = Scenario("warm-up", driver.gateway, shape, Expect.Success(), 1)
          Case(warmUp, driver.virtualTime).use { runCatching { driver.run(it) {} } }
        }
      }
    }

    val cases = drivers.flatMap { driver ->
      (if (driver.gateway == Gateway.SAAS) saasScenarios else hiveOpsScenarios).map { driver to it }
    }

    test("the matrix has at least 25 scenarios, each named once, both gateways well covered") {
      val all = saasScenarios + hiveOpsScenarios
      all.map { it.toString() }.toSet().size shouldBe all.size
      (all.size >= 25) shouldBe true
      (saasScenarios.size >= 25 && hiveOpsScenarios.size >= 15) shouldBe true
    }

    for ((driver, scenario) in cases) {
      test("${driver.name} | $scenario") {
        Case(scenario, driver.virtualTime).use { case ->
          var metrics: MetricsSnapshot? = null
          val future =
            runner.submit<Result<Answer>> { runCatching { driver.run(case) { metrics = it } } }
          val outcome =
            try {
              future.get(Matrix.HANG.toMillis(), TimeUnit.MILLISECONDS)
            } catch (e: TimeoutException) {
              future.cancel(true)
              fail("hung for more than ${Matrix.HANG}")
            } catch (e: ExecutionException) {
              Result.failure(e.cause ?: e)
            }

          when (val expect = scenario.expect) {
            is Expect.Success -> {
              val answer = outcome.getOrElse { fail("expected success, got $it") }
              answer.text.shouldNotBeEmpty()
              if (expect.hint != null && case.sleeper != null) {
                case.sleeper.sleeps() shouldContain expect.hint
              }
              answer.leftovers.forEach { Canary.assertAbsent("a result", it) }
            }
            is Expect.Failure -> {
              val error =
                outcome.exceptionOrNull() ?: fail("expected ${expect.type.simpleName}, got success")
              withClue(error.toString()) {
                error::class shouldBe expect.type
                expect.check(error as LlmGatewayException)
              }
              Canary.texts(error).forEach { Canary.assertAbsent("an error", it) }
            }
          }
          withClue("requests the fake saw on ${scenario.path}") {
            case.requestsOnPath() shouldBe scenario.requests
          }
          if (scenario.gateway == Gateway.SAAS) {
            val jobs = case.gateway.state().jobs()
            jobs shouldHaveSize 1
            withClue("completions of the job") { jobs.single().completeCount() shouldBe 1 }
          }
          Canary.assertAbsent("metrics", metrics?.toString())
          LeakCheck.assertClean(case.http, case.gateway)
        }
      }
    }

    test("no log line of the whole matrix holds a canary key") {
      val lines = CapturedLogs.all()
      (lines.size > cases.size) shouldBe true // the SDK did log, at DEBUG and above
      lines.forEach { Canary.assertAbsent("the logs", it) }
      // Each attempt's headers went to the log at DEBUG, the key's header redacted, on both
      // clients.
      val headerLines = lines.filter { it.contains(" headers: ") }
      for (path in listOf("/api/jobs/", "/chat/completions")) {
        withClue("header lines of $path") {
          headerLines.any { it.contains(path) && it.contains("Authorization: REDACTED") } shouldBe
            true
        }
      }
    }
  })
