package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.InternalServerException
import io.llmgateway.error.InvalidModelException
import io.llmgateway.error.StreamErrorEventException
import io.llmgateway.testing.fault.Fault
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit

/**
 * What `translate(e)` makes of exceptions thrown by plain OpenAI SDK code on the drop-in client.
 */
class DropInTranslationSpec :
  FunSpec({
    test("a drop-in call's HTML error body, which the SDK drops, reaches the classifier") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .thenAlways(Fault.nginxError(500, "Internal Server Error"))
        val hive = gateway.hiveClient()
        val thrown =
          shouldThrow<RuntimeException> { hive.openAi().chat().completions().create(ask()) }

        val e = hive.translate(thrown).shouldBeInstanceOf<InternalServerException>()
        e.rawBody() shouldContain "<center>nginx</center>"
        e.status() shouldBe 500
        gateway.chatRequests() shouldBe 3 // retried by the pipeline, as the facade's calls are
      }
    }

    test("an async drop-in failure translates from the thread that catches it") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").thenAlways(Fault.nginxError(500, "Oops"))
        val hive = gateway.hiveClient()
        val future = hive.openAi().async().chat().completions().create(ask())
        val thrown = shouldThrow<ExecutionException> { future.get(10, TimeUnit.SECONDS) }

        val e = hive.translate(thrown.cause as RuntimeException)
        e.shouldBeInstanceOf<InternalServerException>().rawBody() shouldContain "500 Oops"
      }
    }

    test("a drop-in 403 insufficient_balance marks the balance empty for the facade's guard") {
      fakeHive().use { gateway ->
        val hive = gateway.hiveClient(key = "sk-fake-hive-broke")
        val thrown =
          shouldThrow<RuntimeException> { hive.openAi().chat().completions().create(ask()) }

        hive.translate(thrown).shouldBeInstanceOf<InsufficientCreditsException>()
        hive.checkBalance().status() shouldBe BalanceCheck.Status.INSUFFICIENT // no probe sent
        shouldThrow<InsufficientCreditsException> { hive.chat(ask()) }.message shouldContain
          "not sent"
        gateway.chatRequests() shouldBe 1
      }
    }

    test("a drop-in invalid model lists the valid ids") {
      fakeHive().use { gateway ->
        val hive = gateway.hiveClient()
        val thrown =
          shouldThrow<RuntimeException> {
            hive.openAi().chat().completions().create(ask(model = "no-such-model"))
          }

        val e = hive.translate(thrown).shouldBeInstanceOf<InvalidModelException>()
        e.model() shouldBe "no-such-model"
        e.validModels() shouldContain "llama3:8b-instruct-q8_0"
        e.message shouldContain "valid models:"
      }
    }

    test("a drop-in stream's insufficient_balance event is a typed error that marks the balance") {
      fakeHive().use { gateway ->
        val event =
          """{"error":{"message":"Insufficient account balance. Please add funds to continue.",""" +
            """"type":"insufficient_quota","code":"insufficient_balance"}}"""
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(
            Fault.status(
                200,
                "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: $event\n\n",
              )
              .withHeader("Content-Type", "text/event-stream")
          )
        val hive = gateway.hiveClient()
        val thrown =
          shouldThrow<RuntimeException> {
            hive.openAi().chat().completions().createStreaming(ask()).use { s ->
              s.stream().forEach {}
            }
          }

        val e = hive.translate(thrown).shouldBeInstanceOf<StreamErrorEventException>()
        e.code() shouldBe "insufficient_balance"
        e.partialText() shouldBe "Hi" // the text before it, kept
        hive.checkBalance().status() shouldBe BalanceCheck.Status.INSUFFICIENT
        gateway.chatRequests() shouldBe 1
      }
    }

    test("only the newest 64 drop-in errors are kept; an older one falls back to the SDK's") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").thenAlways(Fault.nginxError(500, "Boom"))
        val hive = gateway.hiveClient {
          retryPolicy(io.llmgateway.retry.RetryPolicy.none())
          circuitBreakers(
            io.llmgateway.circuit.CircuitBreakerRegistry.of(
              io.llmgateway.circuit.CircuitBreakerConfig.custom().recordFailure { false }.build()
            )
          )
        }
        val thrown =
          (0 until 65).map {
            runCatching { hive.openAi().chat().completions().create(ask()) }.exceptionOrNull()
              as RuntimeException
          }

        val newest = hive.translate(thrown.last()).shouldBeInstanceOf<InternalServerException>()
        newest.rawBody() shouldContain "nginx"
        val oldest = hive.translate(thrown.first()).shouldBeInstanceOf<InternalServerException>()
        oldest.rawBody() shouldNotContain "nginx"
      }
    }

    test("an exception that is not the gateway's comes back as it is") {
      fakeHive().use { gateway ->
        val bug = IllegalStateException("caller bug")
        (gateway.hiveClient().translate(bug) === bug) shouldBe true
      }
    }
  })
