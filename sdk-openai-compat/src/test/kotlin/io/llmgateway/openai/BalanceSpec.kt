package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.testing.fault.Fault
import java.time.Duration

class BalanceSpec :
  FunSpec({
    test("the probe says ok for a funded key, with one 1-token call on the cheapest model") {
      fakeHive().use { gateway ->
        val check = gateway.hiveClient().checkBalance()
        check.status() shouldBe BalanceCheck.Status.OK
        val body = gateway.lastRequest().body()
        body shouldContain "\"model\":\"mistral-7b-instruct-v0.3\""
        body shouldContain "\"max_tokens\":1"
      }
    }

    test("the probe says insufficient for an empty balance, with the gateway's reason") {
      fakeHive().use { gateway ->
        val check = gateway.hiveClient(key = "sk-fake-hive-broke").checkBalance()
        check.status() shouldBe BalanceCheck.Status.INSUFFICIENT
        check.reason() shouldContain "Insufficient account balance"
        gateway.chatRequests() shouldBe 1
      }
    }

    test("the probe says unknown, with the reason, when the gateway fails otherwise") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").thenAlways(Fault.status(503))
        val check = gateway.hiveClient().checkBalance()
        check.status() shouldBe BalanceCheck.Status.UNKNOWN
        check.reason() shouldContain "503"
        gateway.chatRequests() shouldBe 1
      }
    }

    test("a check is cached for its TTL on the injected clock") {
      fakeHive().use { gateway ->
        val client = gateway.hiveClient { balanceTtl(Duration.ofMinutes(5)) }
        client.checkBalance()
        gateway.fakeClock().advance(Duration.ofMinutes(4))
        client.checkBalance().isOk shouldBe true
        gateway.chatRequests() shouldBe 1
        gateway.fakeClock().advance(Duration.ofMinutes(2))
        client.checkBalance().isOk shouldBe true
        gateway.chatRequests() shouldBe 2
      }
    }

    test("the guard fails fast, without sending, while the balance is known to be empty") {
      fakeHive().use { gateway ->
        val client = gateway.hiveClient(key = "sk-fake-hive-broke")
        shouldThrow<InsufficientCreditsException> { client.chat(ask()) }
        gateway.chatRequests() shouldBe 1
        val e = shouldThrow<InsufficientCreditsException> { client.chat(ask()) }
        e.message shouldContain "not sent"
        shouldThrow<InsufficientCreditsException> { client.stream(ask()) {} }
        gateway.chatRequests() shouldBe 1
      }
    }

    test("the guard lets calls through again once the check expires and funds arrived") {
      fakeHive().use { gateway ->
        val client =
          gateway.hiveClient(key = "sk-fake-hive-broke") { balanceTtl(Duration.ofMinutes(1)) }
        client.checkBalance().status() shouldBe BalanceCheck.Status.INSUFFICIENT
        gateway.setHiveOpsBalance("sk-fake-hive-broke", java.math.BigDecimal.TEN)
        gateway.fakeClock().advance(Duration.ofMinutes(2))
        client.chat(ask()).text() shouldBe "Fake reply to: hello there"
      }
    }

    test("the probe model is configurable, and a model the gateway rejects answers unknown") {
      fakeHive().use { gateway ->
        gateway.hiveClient { balanceProbeModel("gemma-2-9b-it") }.checkBalance().isOk shouldBe true
        val body = gateway.lastRequest().body()
        body shouldContain "\"model\":\"gemma-2-9b-it\""
        body shouldContain "\"max_tokens\":1"

        val check = gateway.hiveClient { balanceProbeModel("no-such-model") }.checkBalance()
        check.status() shouldBe BalanceCheck.Status.UNKNOWN
        check.reason() shouldContain "invalid model"
      }
    }
  })
