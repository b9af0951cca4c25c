package io.llmgateway.jobs

import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Instant
import java.time.temporal.ChronoUnit

/** Tolerant parsing of what both modes send, and the request fields the server reads. */
class JobParsingSpec :
  FunSpec({
    val start = FakeClock.DEFAULT_START // 2026-03-20T12:29:15.123456Z

    test("real server: naive microsecond and Z-seconds timestamps both parse, as UTC") {
      fake(SaasMode.REAL_SERVER).use { gateway ->
        val client = gateway.client()
        val created = client.createJob(JobSpec.of("t")) // "2026-03-20T12:29:15.123456"
        created.createdAt() shouldBe start
        val job = client.getJob(created.jobId()) // "2026-03-20T12:29:15Z"
        job.createdAt() shouldBe start.truncatedTo(ChronoUnit.SECONDS)
        client.completeJob(created.jobId(), JobOutcome.completed()).completedAt() shouldBe start
        client.getJob(created.jobId()).completedAt().shouldNotBeNull()
        client.creditBalance().createdAt().shouldNotBeNull()
        client.jobCosts(created.jobId()).status() shouldBe JobStatus.COMPLETED
      }
    }

    test("documented mode: millisecond Z timestamps parse") {
      fake(SaasMode.DOCUMENTED).use { gateway ->
        val client = gateway.client()
        val created = client.createJob(JobSpec.of("t")) // "2026-03-20T12:29:15.123Z"
        created.createdAt() shouldBe start.truncatedTo(ChronoUnit.MILLIS)
        client.getJob(created.jobId()).createdAt() shouldBe start.truncatedTo(ChronoUnit.MILLIS)
      }
    }

    test("a naive timestamp without a fraction (microseconds 0) parses too") {
      fake().use { gateway ->
        gateway
          .faults()
          .on("POST", "/api/jobs/create")
          .next(
            Fault.status(
              200,
              """{"job_id":"j-1","status":"PENDING","created_at":"2025-11-06T03:35:22"}""",
            )
          )
        gateway.client().createJob(JobSpec.of("t")).createdAt() shouldBe
          Instant.parse("2025-11-06T03:35:22Z")
      }
    }

    context("statuses in either case are the same status; the text is kept as sent") {
      withData(
        nameFn = { (mode, text) -> "$text in ${mode.name.lowercase()} mode" },
        SaasMode.REAL_SERVER to "PENDING",
        SaasMode.DOCUMENTED to "pending",
      ) { (mode, text) ->
        fake(mode).use { gateway ->
          val client = gateway.client()
          val created = client.createJob(JobSpec.of("t"))
          created.status() shouldBe JobStatus.PENDING
          created.status().value() shouldBe text
          val done = client.completeJob(created.jobId(), JobOutcome.completed())
          done.status() shouldBe JobStatus.COMPLETED
          done.status().isTerminal shouldBe true
          client.teamJobs(10, 0, JobStatus.COMPLETED).jobs().single().jobId() shouldBe
            created.jobId()
        }
      }
    }

    test("content null (tool calls only), unknown fields and an unknown status are tolerated") {
      fake().use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("t"))
        gateway
          .faults()
          .on("POST", "/api/jobs/*/llm-call")
          .next(
            Fault.status(
              200,
              """{"call_id":"c-1","response":{"content":null,"finish_reason":"tool_calls",""" +
                """"tool_calls":[{"id":"t1"}]},"metadata":{"tokens_used":7,"latency_ms":12,""" +
                """"model":"chat-fast","cache":{"hit":false}},"server_version":"2.0.0"}""",
            )
          )
        val result = client.llmCall(job.jobId(), question())
        result.content() shouldBe null
        result.finishReason() shouldBe "tool_calls"
        result.tokensUsed() shouldBe 7
        result.model() shouldBe "chat-fast"

        gateway
          .faults()
          .on("GET", "/api/jobs/*")
          .next(
            Fault.status(
              200,
              """{"job_id":"${job.jobId()}","status":"ARCHIVED","created_at":null,""" +
                """"brand_new":[1,2,{"x":null}]}""",
            )
          )
        val odd = client.getJob(job.jobId())
        odd.status().value() shouldBe "ARCHIVED"
        odd.status().isTerminal shouldBe false
        odd.createdAt() shouldBe null
      }
    }

    context("responses name the model as model (server) or model_group (docs); both are read") {
      withData(nameFn = { it.name.lowercase() }, BOTH_MODES) { mode ->
        fake(mode).use { gateway ->
          val client = gateway.client()
          val job = client.createJob(JobSpec.of("t"))
          val raw = client.llmCall(job.jobId(), question())
          raw.model() shouldBe "chat-fast"
          gateway.lastRequest().body() shouldNotContain "model_group"
        }
      }
    }

    test("requests send model (never model_group) and stop as a list, on every call path") {
      fake().use { gateway ->
        val client = gateway.client()
        val request =
          LlmCallRequest.builder("chat-fast").user("hi").stop("END", "STOP").maxTokens(20).build()
        val job = client.createJob(JobSpec.of("t"))
        client.llmCall(job.jobId(), request)
        client.llmCallStream(job.jobId(), request).use { it.readText() }
        client.createAndCall(JobSpec.of("t"), request)
        client.createAndCallStream(JobSpec.of("t"), request).use { it.readText() }
        val bodies = gateway.requests().filter { it.path().contains("call") }.map { it.body() }
        bodies.size shouldBe 4
        bodies.forEach { body ->
          body shouldContain "\"model\":\"chat-fast\""
          body shouldContain "\"stop\":[\"END\",\"STOP\"]"
          body shouldNotContain "model_group"
        }
      }
    }
  })
