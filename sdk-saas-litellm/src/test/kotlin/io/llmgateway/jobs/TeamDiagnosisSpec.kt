package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.PermissionDeniedException
import io.llmgateway.error.TeamPausedException
import io.llmgateway.error.TeamSuspendedException
import io.llmgateway.testing.SaasMode

/**
 * A 403 explained from the team's own record (GET /api/teams/{id}, which answers without a key), so
 * even a suspended or paused team learns its status and credits.
 */
class TeamDiagnosisSpec :
  FunSpec({
    data class Refused(val team: String, val status: String, val advice: String)

    val refused = BOTH_MODES.flatMap { mode ->
      listOf(
        mode to Refused("umbrella", "suspended", "suspended"),
        mode to Refused("hooli", "paused", "paused"),
      )
    }

    context("diagnose(e) gives a refused team its status and credits") {
      withData(nameFn = { (mode, r) -> "${r.team}, ${mode.name.lowercase()}" }, refused) { (mode, r)
        ->
        fake(mode).use { gateway ->
          val client = gateway.client(r.team)
          val error = shouldThrow<PermissionDeniedException> { client.createJob(JobSpec.of("x")) }
          // Its own balance is refused too; the team record is not.
          shouldThrow<PermissionDeniedException> { client.creditBalance() }
          val diagnosis = client.diagnose(error)
          diagnosis.teamStatus() shouldBe r.status
          diagnosis.creditsRemaining() shouldBe 100L
          diagnosis.budgetMode() shouldBe "job_based"
          diagnosis.advice() shouldContain r.advice
          diagnosis.lookupFailure() shouldBe null
          gateway.requestsTo("GET", "/api/teams/${r.team}") shouldBe 1
        }
      }
    }

    test("diagnoseForbidden(true): the 403 already carries the diagnosis, printed in its trace") {
      fake().use { gateway ->
        val client = gateway.client("umbrella") { diagnoseForbidden(true) }
        val error = shouldThrow<TeamSuspendedException> { client.createJob(JobSpec.of("x")) }
        val attached = TeamDiagnosis.attachedTo(error).shouldNotBeNull()
        attached.teamStatus() shouldBe "suspended"
        attached.creditsRemaining() shouldBe 100L
        error.stackTraceToString() shouldContain "team diagnosis: status suspended, 100 credits"
        // diagnose(e) hands back the attached one without another request.
        client.diagnose(error) shouldBe attached
        gateway.requestsTo("GET", "/api/teams/umbrella") shouldBe 1
        gateway.requestsTo("POST", "/jobs/create") shouldBe 1
      }
    }

    test("diagnoseForbidden(true) also explains a 403 that refuses a stream") {
      fake().use { gateway ->
        val client = gateway.client("hooli") { diagnoseForbidden(true) }
        val error =
          shouldThrow<TeamPausedException> {
            client.createAndCallStream(JobSpec.of("x"), question()).use { it.readText() }
          }
        TeamDiagnosis.attachedTo(error)!!.teamStatus() shouldBe "paused"
      }
    }

    test("without the option, a 403 carries nothing and costs no extra request") {
      fake().use { gateway ->
        val error =
          shouldThrow<TeamSuspendedException> {
            gateway.client("umbrella").createJob(JobSpec.of("x"))
          }
        TeamDiagnosis.attachedTo(error) shouldBe null
        gateway.requestsTo("GET", "/api/teams/umbrella") shouldBe 0
      }
    }

    test("documented mode: out of credits is explained with the credits left") {
      fake(SaasMode.DOCUMENTED).use { gateway ->
        val client = gateway.client("broke") { diagnoseForbidden(true) }
        val job = client.createJob(JobSpec.of("x"))
        val error =
          shouldThrow<InsufficientCreditsException> { client.llmCall(job.jobId(), question()) }
        val diagnosis = TeamDiagnosis.attachedTo(error).shouldNotBeNull()
        diagnosis.teamStatus() shouldBe "active"
        diagnosis.creditsRemaining() shouldBe 0L
        diagnosis.advice() shouldContain "Out of credits"
      }
    }
  })
