package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.error.InternalServerException
import io.llmgateway.error.InternalServerException.UpstreamCause
import io.llmgateway.error.NotFoundException
import io.llmgateway.error.PermissionDeniedException
import io.llmgateway.error.ValidationException
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import io.llmgateway.testing.seed.Seed
import java.util.UUID
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody

/**
 * The spec's remaining error texts, as the fake sends them in both modes, each mapped to its type
 * with the number of requests the fake saw: retried or not.
 */
class JobErrorTextsSpec :
  FunSpec({
    context("a key of another team: API key does not belong to team, sent once") {
      withData(nameFn = { it.name.lowercase() }, BOTH_MODES) { mode ->
        fake(mode).use { gateway ->
          val client = gateway.client(team = "globex", key = "sk-fake-acme")
          shouldThrow<PermissionDeniedException> { client.createJob(JobSpec.of("x")) }
            .serverMessage() shouldBe "API key does not belong to team 'globex'"
          shouldThrow<PermissionDeniedException> {
              client.createAndCall(JobSpec.of("x"), question())
            }
            .serverMessage() shouldBe "API key does not belong to team 'globex'"
          gateway.requestsTo("POST", "/jobs/create") shouldBe 1
          gateway.requestsTo("POST", "/jobs/create-and-call") shouldBe 1
        }
      }
    }

    data class OtherTeam(val text: String, val call: (SaasLiteLlmClient) -> Any, val path: String)

    val otherTeam =
      listOf(
        OtherTeam("Cannot access jobs for a different team", { it.teamJobs(10, 0, null) }, "/jobs"),
        OtherTeam(
          "Cannot access usage data for a different team",
          { it.teamUsage("2026-03") },
          "/usage",
        ),
        OtherTeam(
          "Cannot access credit balance for a different team",
          { it.creditBalance() },
          "/balance",
        ),
        OtherTeam(
          "Cannot access credit transactions for a different team",
          { it.creditTransactions(10) },
          "/transactions",
        ),
        OtherTeam("Cannot check credits for a different team", { it.checkCredits(1) }, "/check"),
        OtherTeam(
          "Cannot resolve model group for a different team",
          { it.resolveModelGroup("legacy-chat") },
          "/resolve",
        ),
      )

    context("the 'Cannot ... for a different team' 403s are permission denied, sent once") {
      withData(
        nameFn = { (mode, c) -> "${c.text}, ${mode.name.lowercase()}" },
        BOTH_MODES.flatMap { mode -> otherTeam.map { mode to it } },
      ) { (mode, case) ->
        fake(mode).use { gateway ->
          val client = gateway.client(team = "globex", key = "sk-fake-acme")
          shouldThrow<PermissionDeniedException> { case.call(client) }.serverMessage() shouldBe
            case.text
          val method = if (case.path == "/check") "POST" else "GET"
          gateway.requestsTo(method, case.path) shouldBe 1
        }
      }
    }

    context("a job of another team: Job does not belong to your team, sent once") {
      withData(nameFn = { it.name.lowercase() }, BOTH_MODES) { mode ->
        fake(mode).use { gateway ->
          val job = gateway.client().createJob(JobSpec.of("x"))
          shouldThrow<PermissionDeniedException> { gateway.client("initech").getJob(job.jobId()) }
            .serverMessage() shouldBe "Job does not belong to your team"
          gateway.requestsTo("GET", "/api/jobs/${job.jobId()}") shouldBe 1
        }
      }
    }

    data class Missing(
      val what: String,
      val resource: NotFoundException.Resource,
      val text: String,
      val call: (SaasLiteLlmClient) -> Any,
      val path: String,
    )

    val unknownJob = UUID.randomUUID().toString()
    val missing =
      listOf(
        Missing(
          "job",
          NotFoundException.Resource.JOB,
          "Job not found",
          { it.getJob(unknownJob) },
          unknownJob,
        ),
        Missing(
          "team",
          NotFoundException.Resource.TEAM,
          "Team 'nobody' not found",
          { it.team() },
          "/api/teams/nobody",
        ),
        Missing(
          "model group",
          NotFoundException.Resource.MODEL,
          "Model group 'no-such-group' not found",
          { it.resolveModelGroup("no-such-group") },
          "/resolve",
        ),
        Missing(
          "model alias",
          NotFoundException.Resource.MODEL,
          "Model alias 'no-such-alias' not found",
          { it.model("no-such-alias") },
          "/api/models/no-such-alias",
        ),
      )

    context("404s name what is missing and are sent once") {
      withData(
        nameFn = { (mode, m) -> "${m.what}, ${mode.name.lowercase()}" },
        BOTH_MODES.flatMap { mode -> missing.map { mode to it } },
      ) { (mode, case) ->
        fake(mode).use { gateway ->
          // The team record is read by id without a key; "nobody" only exists in the URL.
          val client =
            if (case.what == "team") gateway.client(team = "nobody", key = "sk-fake-acme")
            else gateway.client()
          val error = shouldThrow<NotFoundException> { case.call(client) }
          error.serverMessage() shouldBe case.text
          error.resource() shouldBe case.resource
          gateway.requestsTo("GET", case.path) shouldBe 1
        }
      }
    }

    data class Provider(val alias: String, val cause: UpstreamCause, val requests: Int)

    val providerSeed =
      """
      {"teams": [{"id": "acme", "virtualKey": "sk-fake-acme", "aliases": [
        {"alias": "no-creds", "providerError": "No provider credentials configured for openai. Please add credentials in the admin dashboard."},
        {"alias": "no-org", "providerError": "Provider routing requires organization context. This is likely a configuration error."},
        {"alias": "bad-provider-key", "providerError": "Failed to call provider API: OpenAI authentication failed: Incorrect API key provided"},
        {"alias": "provider-limited", "providerError": "Failed to call provider API: OpenAI rate limit: Rate limit reached for gpt-4o-mini"},
        {"alias": "provider-down", "providerError": "Failed to call provider API: Anthropic error: Overloaded"}
      ]}], "modelGroups": [], "hiveOpsKeys": []}
      """
    val providers =
      listOf(
        Provider("no-creds", UpstreamCause.NO_PROVIDER_CREDENTIALS, 1),
        Provider("no-org", UpstreamCause.MISSING_ORGANIZATION, 1),
        Provider("bad-provider-key", UpstreamCause.PROVIDER_AUTHENTICATION, 1),
        Provider("provider-limited", UpstreamCause.PROVIDER_RATE_LIMIT, 3),
        Provider("provider-down", UpstreamCause.PROVIDER_ERROR, 3),
      )

    context("provider 500s (LLM call failed: 500: ...): configuration is final, the rest retried") {
      withData(
        nameFn = { (mode, p) -> "${p.alias}, ${mode.name.lowercase()}" },
        BOTH_MODES.flatMap { mode -> providers.map { mode to it } },
      ) { (mode, case) ->
        FakeGateway.builder()
          .mode(mode)
          .seed(Seed.fromJson(providerSeed, FakeClock.DEFAULT_START))
          .start()
          .use { gateway ->
            val client = gateway.client()
            val job = client.createJob(JobSpec.of("x"))
            val error =
              shouldThrow<InternalServerException> {
                client.llmCall(job.jobId(), question(model = case.alias))
              }
            error.serverMessage() shouldContain "LLM call failed: 500: "
            error.upstreamCause() shouldBe case.cause
            error.isRetryable shouldBe case.cause.retryable()
            gateway.requestsTo("POST", "/llm-call") shouldBe case.requests
          }
      }
    }

    context("422: the fake's own validation body maps to field errors, never retried") {
      withData(nameFn = { it.name.lowercase() }, BOTH_MODES) { mode ->
        fake(mode).use { gateway ->
          // The client cannot send an invalid body; take the fake's answer to one and replay it.
          val body = rawPost(gateway, "/api/jobs/create", """{"team_id":"acme"}""")
          gateway.faults().on("POST", "/api/jobs/create").next(Fault.status(422, body))
          gateway.clearRequests()
          val error =
            shouldThrow<ValidationException> { gateway.client().createJob(JobSpec.of("x")) }
          val field = error.fieldErrors().single()
          field.field() shouldBe "body.job_type"
          if (mode == SaasMode.REAL_SERVER) {
            field.message() shouldBe "Field required"
            field.type() shouldBe "missing"
          } else {
            field.message() shouldBe "field required"
            field.type() shouldBe "value_error.missing"
          }
          gateway.requestsTo("POST", "/jobs/create") shouldBe 1
        }
      }
    }

    test("documented mode: an unknown status filter is the fake's pydantic v1 422, sent once") {
      fake(SaasMode.DOCUMENTED).use { gateway ->
        val error =
          shouldThrow<ValidationException> {
            gateway.client().teamJobs(10, 0, JobStatus.of("bogus"))
          }
        error.fieldErrors() shouldHaveSize 1
        error.fieldErrors()[0].field() shouldBe "query.status"
        error.fieldErrors()[0].type() shouldBe "type_error.enum"
        gateway.requestsTo("GET", "/api/teams/acme/jobs") shouldBe 1
      }
    }

    test("real server: the same filter is a plain-text 500, retried as the guide says") {
      fake(SaasMode.REAL_SERVER).use { gateway ->
        shouldThrow<InternalServerException> {
            gateway.client().teamJobs(10, 0, JobStatus.of("bogus"))
          }
          .serverMessage() shouldBe "Internal Server Error"
        gateway.requestsTo("GET", "/api/teams/acme/jobs") shouldBe 3
      }
    }
  })

/** POSTs raw JSON with acme's key, past the client's checks; returns the body. */
private fun rawPost(gateway: FakeGateway, path: String, json: String): String =
  OkHttpClient()
    .newCall(
      Request.Builder()
        .url(gateway.url() + path)
        .header("Authorization", "Bearer sk-fake-acme")
        .post(json.toRequestBody("application/json".toMediaType()))
        .build()
    )
    .execute()
    .use { it.body!!.string() }
