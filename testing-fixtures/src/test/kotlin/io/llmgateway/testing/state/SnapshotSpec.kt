package io.llmgateway.testing.state

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.ACME
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.Http
import io.llmgateway.testing.createJobBody
import io.llmgateway.testing.field
import io.llmgateway.testing.kotest.FakeGatewayListener
import java.time.Duration

class SnapshotSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener())

    test("a snapshot is frozen: later requests do not change it, and it cannot be changed") {
      val http = Http(fake.gateway.url(), ACME)
      val id =
        http
          .post("/api/jobs/create", """{"team_id":"acme","job_type":"x","metadata":{"k":[1]}}""")
          .field("job_id")
      val before = fake.gateway.state()
      http.post("/api/jobs/$id/complete", """{"status":"completed"}""")
      before.job(id).status() shouldBe "PENDING"
      fake.gateway.state().job(id).status() shouldBe "COMPLETED"
      shouldThrow<UnsupportedOperationException> {
        (before.job(id).metadata() as MutableMap<String, Any?>)["x"] = 1
      }
      shouldThrow<UnsupportedOperationException> { before.jobs().clear() }
    }

    test("received requests keep method, path, query, headers and body, with the clock's time") {
      fake.gateway.fakeClock().advance(Duration.ofSeconds(5))
      Http(fake.gateway.url(), ACME).post("/api/jobs/create?x=1", createJobBody())
      val request = fake.gateway.lastRequest()
      request.method() shouldBe "POST"
      request.path() shouldBe "/api/jobs/create"
      request.target() shouldBe "/api/jobs/create?x=1"
      request.header("AUTHORIZATION") shouldBe "Bearer $ACME"
      request.body() shouldBe createJobBody()
      request.receivedAt() shouldBe FakeClock.DEFAULT_START.plusSeconds(5)
    }

    test("recording can be turned off for long runs, and MockWebServer's queue stays empty") {
      io.llmgateway.testing.FakeGateway.builder().recordRequests(false).start().use { gw ->
        repeat(3) { Http(gw.url(), ACME).get("/health") }
        gw.requests().size shouldBe 0
        gw.server().requestCount shouldBe 3
        gw.server().takeRequest(0, java.util.concurrent.TimeUnit.SECONDS) shouldBe null
      }
      Http(fake.gateway.url()).get("/health")
      fake.gateway.requests().size shouldBe 1
      fake.gateway.clearRequests()
      fake.gateway.requests().size shouldBe 0
    }

    test("tests can change team status, credits and balances") {
      fake.gateway.addCredits("broke", 5)
      fake.gateway.setTeamStatus("acme", "paused")
      fake.gateway.setHiveOpsBalance("sk-fake-hive", java.math.BigDecimal.ONE)
      val state = fake.gateway.state()
      state.team("broke").creditsRemaining() shouldBe 5
      state.team("acme").status() shouldBe "paused"
      state.hiveOpsKey("sk-fake-hive").balanceUsd() shouldBe java.math.BigDecimal.ONE
    }
  })
