package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.InvalidModelException
import io.llmgateway.error.Provider
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.HiveOpsMode
import io.llmgateway.testing.Latency
import java.time.Clock
import java.time.Duration
import java.time.Instant

/**
 * Both clients against the fake as faithful as issue 19 made it: request ids, the 429's own retry
 * hints, the OpenAI form, and a gateway that takes longer than OkHttp's 10 s default.
 */
class FaithfulFakeSpec :
  FunSpec({
    test("an error carries the gateway's x-request-id") {
      fakeHive().use { gateway ->
        val e =
          shouldThrow<InvalidModelException> {
            gateway.hiveClient().chat(ask(model = "no-such-model"))
          }
        e.requestId() shouldBe "req_00000000000000000000000000000001" // the chat, the first answer
      }
    }

    test("the personality's own 429 is waited out as its retry-after-ms says, then succeeds") {
      fakeHive { hiveOpsLimits(1, 150_000) }
        .use { gateway ->
          gateway.spendWindowElsewhere(1)
          val sleeper = ClockSleeper(gateway.fakeClock())
          gateway.hiveClient(sleeper = sleeper).chat(ask()).text() shouldBe
            "Fake reply to: hello there"
          // the window reopens at 12:30:00, 44.877 s after the fake clock's start
          sleeper.waits.fold(Duration.ZERO, Duration::plus) shouldBe Duration.ofMillis(44_877)
        }
    }

    test("OpenAI form: an exhausted quota is a 429 insufficient_quota, never retried") {
      fakeHive { hiveOpsMode(HiveOpsMode.OPENAI) }
        .use { gateway ->
          shouldThrow<InsufficientCreditsException> {
            gateway.hiveClient(key = "sk-fake-hive-broke").chat(ask())
          }
          gateway.chatRequests() shouldBe 1
        }
    }

    test("OpenAI form: resets written as durations are read as instants") {
      fakeHive { hiveOpsMode(HiveOpsMode.OPENAI) }
        .use { gateway ->
          val reset = gateway.hiveClient().chat(ask()).rateLimit().resetRequests()!!
          val expected = Instant.parse("2026-03-20T12:30:00Z")
          (Duration.between(expected, reset).abs() <= Duration.ofMillis(1)) shouldBe true
        }
    }

    // CLIENT BUG found with the fake's latency (issue 19): each facade attempt ends after exactly
    // 10 s, OkHttp's default read timeout, not the 30 s chat timeout the SDK promises; the facade
    // retries twice and fails after about 34 s with CallTimeoutException(READ), having sent (and
    // been charged for) three chats. Disabled until the facade is fixed; it passes then: it
    // passes against main at 48530e9, so enable it when this branch meets main.
    test("a chat answered after 11 s: the facade waits, under its 30 s timeout, sending it once")
      .config(enabled = false) {
        slowGateway().use { gateway ->
          slowClient(gateway).use { client ->
            client.chat(ask()).text() shouldBe "Fake reply to: hello there"
            gateway.chatRequests() shouldBe 1
          }
        }
      }

    // CLIENT BUG found with the fake's latency (issue 19): the drop-in OpenAIClient fails after
    // exactly 10 s (OkHttp's default read timeout) with OpenAIIoException "Request failed", where
    // the SDK promises its 30 s chat timeout. Disabled until the adapter is fixed; it passes then:
    // it passes against main at 48530e9, so enable it when this branch meets main.
    test("a chat answered after 11 s: the drop-in OpenAIClient waits too, sending it once").config(
      enabled = false
    ) {
      slowGateway().use { gateway ->
        slowClient(gateway).use { client ->
          val completion = client.openAi().chat().completions().create(ask())
          completion.choices()[0].message().content().orElse("") shouldBe
            "Fake reply to: hello there"
          gateway.chatRequests() shouldBe 1
        }
      }
    }
  })

/** Every chat answered after 11 s on the real clock, past OkHttp's 10 s default read timeout. */
private fun slowGateway(): FakeGateway = fakeHive {
  clock(Clock.systemUTC())
  hiveOpsLatency(Latency.of(Duration.ofSeconds(11), Duration.ZERO))
}

private fun slowClient(gateway: FakeGateway): HiveOpsClient =
  HiveOpsClient.builder()
    .baseUrl(gateway.hiveOpsBaseUrl())
    .apiKey("sk-fake-hive")
    .provider(Provider.HIVEOPS)
    .build()
