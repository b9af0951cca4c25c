package io.llmgateway.testing.kotest

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.llmgateway.testing.ACME
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.Http
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.createJobBody
import kotlin.concurrent.thread

class FakeGatewayListenerSpec :
  FunSpec({
    val fake = extension(FakeGatewayListener { FakeGateway.builder().mode(SaasMode.REAL_SERVER) })
    var firstPort = 0

    test("each test gets a started gateway in the configured mode") {
      fake.gateway.mode() shouldBe SaasMode.REAL_SERVER
      Http(fake.gateway.url(), ACME).post("/api/jobs/create", createJobBody()).status shouldBe 200
      fake.gateway.state().jobs().size shouldBe 1
      firstPort = fake.gateway.port()
    }

    test("the next test starts from a clean state on a new server") {
      fake.gateway.state().jobs().size shouldBe 0
      fake.gateway.requests().size shouldBe 0
      fake.gateway.port() shouldNotBe firstPort
    }

    test("a thread the test starts itself sees the test's gateway") {
      var seen: FakeGateway? = null
      thread { seen = fake.gateway }.join()
      seen shouldBe fake.gateway
    }

    context("a container") {
      test("gets no gateway of its own: its tests each get one") {
        fake.gateway.state().jobs().size shouldBe 0
        fake.gateway.port() shouldNotBe firstPort
      }
    }
  })
