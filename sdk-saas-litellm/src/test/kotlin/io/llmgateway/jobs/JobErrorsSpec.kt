package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.error.AuthenticationException
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.InternalServerException
import io.llmgateway.error.ModelAccessDeniedException
import io.llmgateway.error.NotFoundException
import io.llmgateway.error.PermissionDeniedException
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.error.TeamPausedException
import io.llmgateway.error.TeamSuspendedException
import io.llmgateway.error.UnexpectedResponseException
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Fault
import java.time.Duration
import java.util.UUID

/** Every error text of the spec maps to its type; what is retried is retried, the rest is not. */
class JobErrorsSpec :
  FunSpec({
    test("an unknown key is an authentication error, sent once") {
      fake().use { gateway ->
        val error =
          shouldThrow<AuthenticationException> {
            gateway.client(key = "sk-fake-nobody").createJob(JobSpec.of("x"))
          }
        error.reason() shouldBe AuthenticationException.Reason.INVALID_KEY
        error.message!! shouldNotContain "sk-fake-nobody"
        gateway.requestsTo("POST", "/jobs/create") shouldBe 1
      }
    }

    test("a suspended team and a paused team, sent once") {
      fake().use { gateway ->
        shouldThrow<TeamSuspendedException> {
          gateway.client("umbrella").createJob(JobSpec.of("x"))
        }
        shouldThrow<TeamPausedException> { gateway.client("hooli").createJob(JobSpec.of("x")) }
        gateway.requestsTo("POST", "/jobs/create") shouldBe 2
      }
    }

    test("a model alias the team may not use is model access denied") {
      fake().use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("x"))
        shouldThrow<ModelAccessDeniedException> {
          client.llmCall(job.jobId(), question(model = "chat-premium"))
        }
        gateway.requestsTo("POST", "/llm-call") shouldBe 1
      }
    }

    test("a job of another team is permission denied, an unknown job is not found") {
      fake().use { gateway ->
        val job = gateway.client().createJob(JobSpec.of("x"))
        shouldThrow<PermissionDeniedException> { gateway.client("initech").getJob(job.jobId()) }
        shouldThrow<NotFoundException> { gateway.client().getJob(UUID.randomUUID().toString()) }
          .resource() shouldBe NotFoundException.Resource.JOB
      }
    }

    test("a non-UUID job id gets the real server's plain-text 500, retried as the guide says") {
      fake(SaasMode.REAL_SERVER).use { gateway ->
        val sleeper = NoSleep()
        val error =
          shouldThrow<InternalServerException> {
            gateway.client(sleeper = sleeper).getJob("not-a-uuid")
          }
        error.serverMessage() shouldBe "Internal Server Error"
        gateway.requestsTo("GET", "/api/jobs/not-a-uuid") shouldBe 3
        sleeper.waits.size shouldBe 2
      }
    }

    test("missing provider credentials is a 500 that is not retried") {
      fake().use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("x"))
        val error =
          shouldThrow<InternalServerException> {
            client.llmCall(job.jobId(), question(model = "chat-broken"))
          }
        error.upstreamCause() shouldBe InternalServerException.UpstreamCause.NO_PROVIDER_CREDENTIALS
        gateway.requestsTo("POST", "/llm-call") shouldBe 1
      }
    }

    test("503, 503, then success: three requests, two backoff waits") {
      fake().use { gateway ->
        gateway.faults().on("POST", "/api/jobs/create").times(2, Fault.status(503)).thenPass()
        val sleeper = NoSleep()
        gateway.client(sleeper = sleeper).createJob(JobSpec.of("x")).jobId().length shouldBe 36
        gateway.requestsTo("POST", "/jobs/create") shouldBe 3
        sleeper.waits.size shouldBe 2
      }
    }

    test("a 429 with Retry-After waits what the server asked") {
      fake(SaasMode.DOCUMENTED).use { gateway ->
        gateway
          .faults()
          .on("GET", "/api/jobs/*")
          .next(Fault.rateLimited().withRetryAfterSeconds(2))
          .thenPass()
        val sleeper = NoSleep()
        val client = gateway.client(sleeper = sleeper)
        val job = client.createJob(JobSpec.of("x"))
        client.getJob(job.jobId()).jobId() shouldBe job.jobId()
        sleeper.waits shouldBe listOf(Duration.ofSeconds(2))
      }
    }

    test("429s that outlast the attempts surface as rate limited") {
      fake(SaasMode.DOCUMENTED).use { gateway ->
        gateway
          .faults()
          .on("POST", "/api/jobs/create")
          .thenAlways(Fault.rateLimited().withRetryAfterMs(10))
        shouldThrow<RateLimitedException> { gateway.client().createJob(JobSpec.of("x")) }
        gateway.requestsTo("POST", "/jobs/create") shouldBe 3
      }
    }

    test("insufficient credits is never retried, even as a 429") {
      fake(SaasMode.DOCUMENTED).use { gateway ->
        gateway
          .faults()
          .on("POST", "/api/jobs/create")
          .thenAlways(Fault.detail(429, "Insufficient credits"))
        shouldThrow<InsufficientCreditsException> { gateway.client().createJob(JobSpec.of("x")) }
        gateway.requestsTo("POST", "/jobs/create") shouldBe 1
      }
    }

    test("an HTML 502 from a proxy and a malformed success body are typed") {
      fake().use { gateway ->
        gateway
          .faults()
          .on("GET", "/health")
          .next(Fault.nginxBadGateway())
          .next(Fault.malformedJson(200))
          .thenPass()
        val client = gateway.client()
        shouldThrow<io.llmgateway.error.OtherServerException> { client.health() }
          .serverMessage() shouldContain "502"
        shouldThrow<UnexpectedResponseException> { client.health() }
      }
    }

    test("a huge error body is bounded") {
      fake().use { gateway ->
        gateway.faults().on("POST", "/api/jobs/create").thenAlways(Fault.hugeBody(503, 8))
        val error =
          shouldThrow<ServiceUnavailableException> { gateway.client().createJob(JobSpec.of("x")) }
        (error.rawBody().length <= 8192) shouldBe true
      }
    }

    test("a 403 can be explained with the team's own record") {
      fake().use { gateway ->
        val client = gateway.client("umbrella")
        val error = shouldThrow<TeamSuspendedException> { client.createJob(JobSpec.of("x")) }
        // The suspended team cannot read its balance; its unauthenticated team record it can.
        val diagnosis = client.diagnose(error)
        diagnosis.teamStatus() shouldBe "suspended"
        diagnosis.creditsRemaining() shouldBe 100L
        diagnosis.advice() shouldContain "suspended"
      }
    }

    test("cleartext to a remote host is refused unless allowed") {
      shouldThrow<IllegalStateException> {
          SaasLiteLlmClient.builder()
            .baseUrl("http://gateway.example.com")
            .teamId("t")
            .virtualKey("sk-x")
            .build()
        }
        .message!! shouldContain "https"
      SaasLiteLlmClient.builder()
        .baseUrl("http://gateway.example.com")
        .teamId("t")
        .virtualKey("sk-x")
        .allowInsecureHttp(true)
        .build()
        .toString() shouldNotContain "sk-x"
    }
  })

class JobWireSpec :
  FunSpec({
    test(
      "requests send model (not model_group), stop as a list, and a stable request id per call"
    ) {
      fake().use { gateway ->
        val client = gateway.client()
        val job = client.createJob(JobSpec.of("x"))
        gateway.faults().on("POST", "/api/jobs/*/llm-call").next(Fault.status(503)).thenPass()
        client.llmCall(
          job.jobId(),
          LlmCallRequest.builder("chat-fast").user("hi").stop("END").maxTokens(50).build(),
        )
        val calls = gateway.requests().filter { it.path().endsWith("/llm-call") }
        calls.size shouldBe 2
        val body = calls.last().body()
        body shouldContain "\"model\":\"chat-fast\""
        body shouldContain "\"stop\":[\"END\"]"
        body shouldNotContain "model_group"
        calls[0].header("X-Client-Request-Id") shouldBe calls[1].header("X-Client-Request-Id")
        calls[0].header("Authorization") shouldBe "Bearer sk-fake-acme"
      }
    }

    test(
      "documented mode: a team out of credits gets 403 before the call, and the diagnosis says why"
    ) {
      fake(SaasMode.DOCUMENTED).use { gateway ->
        val client = gateway.client("broke")
        val error =
          shouldThrow<InsufficientCreditsException> {
            val job = client.createJob(JobSpec.of("x"))
            client.llmCall(job.jobId(), question())
          }
        val diagnosis = client.diagnose(error)
        diagnosis.creditsRemaining() shouldBe 0L
        diagnosis.teamStatus() shouldBe "active"
        diagnosis.advice() shouldContain "Out of credits"
      }
    }

    test("the total stream timeout bounds a stream that never ends") {
      fake().use { gateway ->
        val client = gateway.client {
          timeouts(
            io.llmgateway.pipeline.Timeouts.custom().streamTimeout(Duration.ofMillis(600)).build()
          )
          streamIdleTimeout(Duration.ofSeconds(5))
        }
        val job = client.createJob(JobSpec.of("s"))
        gateway
          .faults()
          .on("POST", "/api/jobs/*/llm-call-stream")
          .next(Fault.stallBody(700, Duration.ofSeconds(5)))
          .thenPass()
        val error =
          shouldThrow<io.llmgateway.error.StreamInterruptedException> {
            client.llmCallStream(job.jobId(), question()).use { it.readText() }
          }
        error.message!! shouldContain "total stream timeout"
        error.partialText().isNotEmpty() shouldBe true
      }
    }
  })
