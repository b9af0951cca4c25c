package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.InvalidModelException
import io.llmgateway.testing.HiveOpsMode
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
          val sleeper = gateway.fakeClock()
          gateway.hiveClient(sleeper = sleeper::sleep).chat(ask()).text() shouldBe
            "Fake reply to: hello there"
          // the window reopens at 12:30:00, 44.877 s after the fake clock's start
          sleeper.sleeps().fold(Duration.ZERO, Duration::plus) shouldBe Duration.ofMillis(44_877)
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
  })
