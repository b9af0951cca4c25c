package io.llmgateway.testing.saas

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldMatch
import io.llmgateway.testing.ACME
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Http
import io.llmgateway.testing.Reply
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.internal.wire.Json
import io.llmgateway.testing.kotest.FakeGatewayListener

/** Format A: Python's naive `isoformat()` (microseconds only when non-zero). */
private val NAIVE = Regex("""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?""")

/** Format B: `to_utc_isoformat`, seconds and a Z. */
private val UTC_SECONDS = Regex("""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ""")

private const val JSON = "application/json"
private const val TEXT = "text/plain; charset=utf-8"
private const val SSE = "text/event-stream; charset=utf-8"

private val JOB_DICT =
  listOf(
    "job_id",
    "team_id",
    "user_id",
    "job_type",
    "status",
    "created_at",
    "started_at",
    "completed_at",
    "metadata",
    "error_message",
    "organization_id",
    "external_task_id",
    "credit_applied",
    "model_groups_used",
  )

private val COSTS =
  listOf(
    "total_calls",
    "successful_calls",
    "failed_calls",
    "total_tokens",
    "total_cost_usd",
    "avg_latency_ms",
    "credit_applied",
    "credits_remaining",
  )

private val TEAM_CREDITS =
  listOf(
    "team_id",
    "organization_id",
    "credits_allocated",
    "credits_used",
    "credits_remaining",
    "credit_limit",
    "auto_refill",
    "refill_amount",
    "refill_period",
    "last_refill_at",
    "budget_mode",
    "credits_per_dollar",
    "tokens_per_credit",
    "cost_markup_percentage",
    "status",
    "created_at",
    "updated_at",
  )

private val MODEL =
  listOf(
    "model_alias",
    "display_name",
    "provider",
    "actual_model",
    "litellm_model_id",
    "access_groups",
    "description",
    "pricing_input",
    "pricing_output",
    "status",
    "teams_using",
    "created_at",
    "updated_at",
  )

/**
 * One row: a request against a fresh real-server gateway, and what specs/saas-litellm-server.md
 * says comes back. `keys` maps a path into the body (`""` the top, `costs`, `calls[0]`) to its keys
 * in order; `values` to exact values (job statuses in their casing, error texts); `times` to the
 * timestamp format of a field.
 */
private data class Row(
  val name: String,
  val status: Int,
  val contentType: String = JSON,
  val keys: Map<String, List<String>> = emptyMap(),
  val values: Map<String, Any?> = emptyMap(),
  val times: Map<String, Regex> = emptyMap(),
  val headers: Map<String, String> = emptyMap(),
  val text: String? = null,
  val send: (Calls) -> Reply,
)

/** The requests rows send, and the state they set up first. */
private class Calls(val gateway: FakeGateway) {
  val http = Http(gateway.url(), ACME)

  fun job(): String = http.post("/api/jobs/create", createJobBody()).field("job_id")

  fun jobWithCall(): String =
    job().also { http.post("/api/jobs/$it/llm-call", chatBody("chat-fast")) }

  fun completedJob(): String =
    jobWithCall().also { http.post("/api/jobs/$it/complete", """{"status":"completed"}""") }

  fun single(model: String = "chat-fast") =
    """{"team_id":"acme","job_type":"one","model":"$model","messages":[{"role":"user","content":"hi"}]}"""
}

private fun endpoint(name: String, vararg rows: Row) = name to rows.toList()

private val TABLE: List<Pair<String, List<Row>>> =
  listOf(
    endpoint(
      "GET /health",
      Row("healthy", 200, keys = mapOf("" to listOf("status", "service"))) {
        it.http.get("/health")
      },
    ),
    endpoint(
      "POST /api/jobs/create",
      Row(
        "created PENDING, naive time",
        200,
        keys = mapOf("" to listOf("job_id", "status", "created_at")),
        values = mapOf("status" to "PENDING"),
        times = mapOf("created_at" to NAIVE),
      ) {
        it.http.post("/api/jobs/create", createJobBody())
      },
      Row(
        "another team",
        403,
        values = mapOf("detail" to "API key does not belong to team 'globex'"),
      ) {
        it.http.post("/api/jobs/create", createJobBody("globex"))
      },
      Row(
        "a missing field is pydantic v2's 422",
        422,
        keys = mapOf("detail[0]" to listOf("type", "loc", "msg", "input")),
        values = mapOf("detail[0].type" to "missing", "detail[0].msg" to "Field required"),
      ) {
        it.http.post("/api/jobs/create", """{"team_id":"acme"}""")
      },
      Row(
        "malformed JSON is a 422 before auth",
        422,
        keys = mapOf("detail[0]" to listOf("type", "loc", "msg", "input", "ctx")),
        values = mapOf("detail[0].type" to "json_invalid"),
      ) {
        it.http.withKey("sk-nobody").post("/api/jobs/create", "{nope")
      },
      Row("no header", 401, values = mapOf("detail" to MISSING)) {
        it.http.withKey(null).post("/api/jobs/create", createJobBody())
      },
      Row("a malformed header", 401, values = mapOf("detail" to MALFORMED)) {
        it.http.withKey("sk-fake-acme extra").post("/api/jobs/create", createJobBody())
      },
      Row("an unknown key", 401, values = mapOf("detail" to "Invalid API key")) {
        it.http.withKey("sk-nobody").post("/api/jobs/create", createJobBody())
      },
      Row(
        "a suspended team",
        403,
        values = mapOf("detail" to "Team access is suspended. Please contact support."),
      ) {
        it.http.withKey("sk-fake-umbrella").post("/api/jobs/create", createJobBody("umbrella"))
      },
      Row(
        "a paused team",
        403,
        values = mapOf("detail" to "Team access is paused. Please contact support."),
      ) {
        it.http.withKey("sk-fake-hooli").post("/api/jobs/create", createJobBody("hooli"))
      },
      Row("a job_type past its column", 500, TEXT, text = "Internal Server Error") {
        it.http.post("/api/jobs/create", createJobBody(type = "x".repeat(101)))
      },
    ),
    endpoint(
      "GET /api/jobs/{id}",
      Row(
        "Job.to_dict, UTC seconds",
        200,
        keys = mapOf("" to JOB_DICT),
        values = mapOf("status" to "IN_PROGRESS"),
        times = mapOf("created_at" to UTC_SECONDS, "started_at" to UTC_SECONDS),
      ) {
        it.http.get("/api/jobs/${it.jobWithCall()}")
      },
      Row("unknown", 404, values = mapOf("detail" to "Job not found")) {
        it.http.get("/api/jobs/00000000-0000-4000-8000-00000000ffff")
      },
      Row("not a UUID", 500, TEXT, text = "Internal Server Error") {
        it.http.get("/api/jobs/not-a-uuid")
      },
      Row("another team's", 403, values = mapOf("detail" to "Job does not belong to your team")) {
        val id = it.job()
        it.http.withKey("sk-fake-globex").get("/api/jobs/$id")
      },
      Row(
        "PUT is not a route",
        405,
        values = mapOf("detail" to "Method Not Allowed"),
        headers = mapOf("allow" to "GET"),
      ) {
        it.http.send("PUT", "/api/jobs/${it.job()}", "{}")
      },
    ),
    endpoint(
      "PATCH /api/jobs/{id}/metadata",
      Row(
        "merged, naive time",
        200,
        keys = mapOf("" to listOf("job_id", "metadata", "updated_at")),
        times = mapOf("updated_at" to NAIVE),
      ) {
        it.http.patch("/api/jobs/${it.job()}/metadata", """{"metadata":{"a":1}}""")
      },
    ),
    endpoint(
      "POST /api/jobs/{id}/llm-call",
      Row(
        "answered",
        200,
        keys =
          mapOf(
            "" to listOf("call_id", "response", "metadata"),
            "response" to listOf("content", "finish_reason"),
            "metadata" to listOf("tokens_used", "latency_ms", "model"),
          ),
        values = mapOf("metadata.model" to "chat-fast", "response.finish_reason" to "stop"),
      ) {
        it.http.post("/api/jobs/${it.job()}/llm-call", chatBody("chat-fast"))
      },
      Row(
        "an alias without access",
        403,
        values =
          mapOf("detail" to "Team 'acme' does not have access to model alias 'chat-premium'"),
      ) {
        it.http.post("/api/jobs/${it.job()}/llm-call", chatBody("chat-premium"))
      },
      Row(
        "an unknown name is a model group",
        403,
        values = mapOf("detail" to "Team 'acme' does not have access to model group 'nope'"),
      ) {
        it.http.post("/api/jobs/${it.job()}/llm-call", chatBody("nope"))
      },
      Row(
        "a failing provider",
        500,
        values =
          mapOf(
            "detail" to
              "LLM call failed: 500: No provider credentials configured for openai." +
                " Please add credentials in the admin dashboard."
          ),
      ) {
        it.http.post("/api/jobs/${it.job()}/llm-call", chatBody("chat-broken"))
      },
      Row(
        "model_group instead of model",
        422,
        values = mapOf("detail[0].loc" to listOf("body", "model")),
      ) {
        it.http.post(
          "/api/jobs/${it.job()}/llm-call",
          """{"model_group":"chat-fast","messages":[]}""",
        )
      },
      Row(
        "a bare string stop",
        422,
        values = mapOf("detail[0].type" to "list_type", "detail[0].loc" to listOf("body", "stop")),
      ) {
        it.http.post(
          "/api/jobs/${it.job()}/llm-call",
          chatBody("chat-fast", extra = ""","stop":"END""""),
        )
      },
    ),
    endpoint(
      "POST /api/jobs/{id}/llm-call-stream",
      Row("the provider's chunks, no keepalive", 200, SSE) {
        it.http.post("/api/jobs/${it.job()}/llm-call-stream", chatBody("chat-fast"))
      },
    ),
    endpoint(
      "POST /api/jobs/{id}/complete",
      Row(
        "costs and calls, naive time",
        200,
        keys =
          mapOf(
            "" to listOf("job_id", "status", "completed_at", "costs", "calls"),
            "costs" to COSTS,
            "calls[0]" to
              listOf("call_id", "purpose", "model_group", "tokens", "latency_ms", "error"),
          ),
        values = mapOf("status" to "COMPLETED", "costs.credit_applied" to true),
        times = mapOf("completed_at" to NAIVE),
      ) {
        it.http.post("/api/jobs/${it.jobWithCall()}/complete", """{"status":"completed"}""")
      },
      Row(
        "an uppercase status is a literal_error",
        422,
        keys = mapOf("detail[0]" to listOf("type", "loc", "msg", "input", "ctx")),
        values = mapOf("detail[0].type" to "literal_error"),
      ) {
        it.http.post("/api/jobs/${it.job()}/complete", """{"status":"COMPLETED"}""")
      },
    ),
    endpoint(
      "POST /api/jobs/create-and-call",
      Row(
        "completed, total_cost_usd 0.0",
        200,
        keys =
          mapOf(
            "" to listOf("job_id", "status", "response", "metadata", "costs", "completed_at"),
            "costs" to COSTS,
          ),
        values = mapOf("status" to "COMPLETED", "costs.total_cost_usd" to 0.0),
        times = mapOf("completed_at" to NAIVE),
      ) {
        it.http.post("/api/jobs/create-and-call", it.single())
      },
    ),
    endpoint(
      "POST /api/jobs/create-and-call-stream",
      Row("keepalive first, [DONE] last", 200, SSE) {
        it.http.post("/api/jobs/create-and-call-stream", it.single())
      },
    ),
    endpoint(
      "GET /api/jobs/{id}/costs",
      Row(
        "the legacy cost per call, naive time",
        200,
        keys =
          mapOf(
            "" to listOf("job_id", "team_id", "job_type", "status", "costs"),
            "costs" to listOf("total_cost_usd", "breakdown"),
            "costs.breakdown[0]" to
              listOf(
                "call_id",
                "model",
                "purpose",
                "prompt_tokens",
                "completion_tokens",
                "cost_usd",
                "created_at",
              ),
          ),
        values = mapOf("status" to "COMPLETED", "costs.breakdown[0].model" to "gpt-4o-mini"),
        times = mapOf("costs.breakdown[0].created_at" to NAIVE),
      ) {
        it.http.get("/api/jobs/${it.completedJob()}/costs")
      },
    ),
    endpoint(
      "GET /api/teams/{id}/jobs",
      Row(
        "a page of Job.to_dict",
        200,
        keys = mapOf("" to listOf("team_id", "total", "jobs"), "jobs[0]" to JOB_DICT),
        values = mapOf("jobs[0].status" to "COMPLETED"),
        times = mapOf("jobs[0].completed_at" to UTC_SECONDS),
      ) {
        it.completedJob()
        it.http.get("/api/teams/acme/jobs?status=COMPLETED")
      },
      Row("a lowercase status filter", 500, TEXT, text = "Internal Server Error") {
        it.http.get("/api/teams/acme/jobs?status=completed")
      },
      Row(
        "another team",
        403,
        values = mapOf("detail" to "Cannot access jobs for a different team"),
      ) {
        it.http.get("/api/teams/globex/jobs")
      },
    ),
    endpoint(
      "GET /api/teams/{id}/usage",
      Row(
        "summary and job types",
        200,
        keys =
          mapOf(
            "" to listOf("team_id", "period", "summary", "job_types"),
            "summary" to
              listOf(
                "total_jobs",
                "successful_jobs",
                "failed_jobs",
                "total_cost_usd",
                "total_tokens",
                "avg_cost_per_job",
              ),
            "job_types.demo" to listOf("count", "cost_usd"),
          ),
      ) {
        it.completedJob()
        it.http.get("/api/teams/acme/usage?period=2026-03")
      },
      Row("no period", 422, values = mapOf("detail[0].loc" to listOf("query", "period"))) {
        it.http.get("/api/teams/acme/usage")
      },
    ),
    endpoint(
      "GET /api/credits/teams/{id}/balance",
      Row(
        "TeamCredits.to_dict, UTC seconds",
        200,
        keys = mapOf("" to TEAM_CREDITS),
        values = mapOf("status" to "active", "budget_mode" to "job_based"),
        times = mapOf("created_at" to UTC_SECONDS, "updated_at" to UTC_SECONDS),
      ) {
        it.http.get("/api/credits/teams/acme/balance")
      },
      Row(
        "another team",
        403,
        values = mapOf("detail" to "Cannot access credit balance for a different team"),
      ) {
        it.http.get("/api/credits/teams/globex/balance")
      },
    ),
    endpoint(
      "GET /api/credits/teams/{id}/transactions",
      Row(
        "newest first, UTC seconds",
        200,
        keys =
          mapOf(
            "" to listOf("team_id", "total", "transactions"),
            "transactions[0]" to
              listOf(
                "transaction_id",
                "team_id",
                "organization_id",
                "job_id",
                "transaction_type",
                "credits_amount",
                "credits_before",
                "credits_after",
                "reason",
                "created_at",
              ),
          ),
        values = mapOf("transactions[0].transaction_type" to "deduction"),
        times = mapOf("transactions[0].created_at" to UTC_SECONDS),
      ) {
        it.completedJob()
        it.http.get("/api/credits/teams/acme/transactions")
      },
    ),
    endpoint(
      "POST /api/credits/teams/{id}/check",
      Row(
        "enough",
        200,
        keys = mapOf("" to listOf("team_id", "has_credits", "credits_remaining", "credits_needed")),
      ) {
        it.http.post("/api/credits/teams/acme/check?credits_needed=1", "")
      },
      Row(
        "not enough is a 200 too",
        200,
        keys = mapOf("" to listOf("team_id", "has_credits", "error", "credits_needed")),
        values = mapOf("has_credits" to false),
      ) {
        it.http.post("/api/credits/teams/acme/check?credits_needed=5000", "")
      },
    ),
    endpoint(
      "GET /api/model-groups/{g}/resolve",
      Row(
        "assigned",
        200,
        keys =
          mapOf("" to listOf("group_name", "primary_model", "fallback_models", "team_has_access")),
      ) {
        it.http.get("/api/model-groups/legacy-chat/resolve?team_id=acme")
      },
      Row(
        "not assigned is a 200 with an error",
        200,
        keys =
          mapOf(
            "" to
              listOf("group_name", "primary_model", "fallback_models", "team_has_access", "error")
          ),
      ) {
        it.http.get("/api/model-groups/legacy-other/resolve?team_id=acme")
      },
      Row("unknown", 404, values = mapOf("detail" to "Model group 'nope' not found")) {
        it.http.get("/api/model-groups/nope/resolve?team_id=acme")
      },
    ),
    endpoint(
      "GET /api/teams/{id} (no auth)",
      Row(
        "no top-level status",
        200,
        keys =
          mapOf(
            "" to
              listOf(
                "team_id",
                "organization_id",
                "credits",
                "access_groups",
                "allowed_model_aliases",
                "virtual_key",
                "credits_allocated",
                "credits_remaining",
              ),
            "credits" to TEAM_CREDITS,
          ),
        times = mapOf("credits.created_at" to UTC_SECONDS),
      ) {
        Http(it.gateway.url()).get("/api/teams/acme")
      },
      Row("unknown", 404, values = mapOf("detail" to "Team 'nope' not found")) {
        Http(it.gateway.url()).get("/api/teams/nope")
      },
    ),
    endpoint(
      "GET /api/models (no auth)",
      Row("ModelResponse list, naive times", 200, keys = mapOf("[0]" to MODEL)) {
        Http(it.gateway.url()).get("/api/models")
      },
      Row(
        "one alias",
        200,
        keys = mapOf("" to MODEL),
        values = mapOf("actual_model" to "gpt-4o-mini"),
        times = mapOf("created_at" to NAIVE),
      ) {
        Http(it.gateway.url()).get("/api/models/chat-fast")
      },
      Row("unknown", 404, values = mapOf("detail" to "Model alias 'nope' not found")) {
        Http(it.gateway.url()).get("/api/models/nope")
      },
    ),
    endpoint(
      "any other path",
      Row("FastAPI's 404", 404, values = mapOf("detail" to "Not Found")) {
        it.http.get("/api/nowhere")
      },
    ),
  )

private const val MISSING =
  "Missing Authorization header. Expected: 'Authorization: Bearer sk-xxx...'"
private const val MALFORMED =
  "Invalid Authorization header format. Expected: 'Authorization: Bearer sk-xxx...'"

/** The value at a path such as `costs.breakdown[0].created_at` or `[0]`. */
private fun at(root: Any?, path: String): Any? {
  if (path.isEmpty()) return root
  var node = root
  for (part in path.split('.')) {
    val name = part.substringBefore('[')
    if (name.isNotEmpty()) node = (node as Map<*, *>)[name]
    Regex("""\[(\d+)]""").findAll(part).forEach {
      node = (node as List<*>)[it.groupValues[1].toInt()]
    }
  }
  return node
}

/** JSON numbers come back as Long or BigDecimal; compare what a reader would see. */
private fun normal(value: Any?): Any? =
  when (value) {
    is java.math.BigDecimal -> value.toDouble()
    is Int -> value.toLong()
    is List<*> -> value.map(::normal)
    else -> value
  }

/**
 * Requirement 4 of issue 19: the real-server mode against specs/saas-litellm-server.md, one test
 * per endpoint: status, content type, keys in order, status casing, timestamp formats, error texts.
 */
class SaasRealServerTableSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener { FakeGateway.builder().mode(SaasMode.REAL_SERVER) })

    for ((endpoint, rows) in TABLE) {
      test(endpoint) {
        for (row in rows) {
          fake.gateway.faults().reset()
          val reply = row.send(Calls(fake.gateway))
          withClue("${row.name}: ${reply.status} ${reply.body.take(400)}") {
            reply.status shouldBe row.status
            reply.header("Content-Type") shouldBe row.contentType
            reply.header("server") shouldBe "uvicorn"
            row.text?.let { reply.body shouldBe it }
            for ((name, value) in row.headers) reply.header(name) shouldBe value
            if (row.contentType == JSON) {
              val body = Json.parse(reply.body)
              for ((path, keys) in row.keys) {
                (at(body, path) as Map<*, *>).keys.toList() shouldBe keys
              }
              for ((path, value) in row.values) {
                normal(at(body, path)) shouldBe normal(value)
              }
              for ((path, format) in row.times) {
                (at(body, path) as String) shouldMatch format
              }
            }
          }
        }
      }
    }

    test("streams: headers, keepalive only on create-and-call-stream, [DONE] after OpenAI chunks") {
      val calls = Calls(fake.gateway)
      val single = calls.http.post("/api/jobs/create-and-call-stream", calls.single())
      val plain = calls.http.post("/api/jobs/${calls.job()}/llm-call-stream", chatBody("chat-fast"))
      for (reply in listOf(single, plain)) {
        reply.header("Cache-Control") shouldBe "no-cache"
        reply.header("Connection") shouldBe "keep-alive"
        reply.header("X-Accel-Buffering") shouldBe "no"
        reply.body.endsWith("data: [DONE]\n\n") shouldBe true
      }
      single.body.startsWith(": keepalive\n\ndata: ") shouldBe true
      plain.body.startsWith("data: ") shouldBe true
    }
  })
