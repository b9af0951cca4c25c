package io.llmgateway.opentelemetry

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.llmgateway.listenertest.Facade
import io.llmgateway.listenertest.JobClient
import io.llmgateway.testing.FakeGateway
import java.time.Duration

/** Calls whose events stop (a stream nobody finishes) cannot make the listener hold memory. */
class InFlightBoundsSpec :
  FunSpec({
    test("past maxCallsInFlight, the oldest open call span is ended and marked incomplete") {
      FakeGateway.start().use { fake ->
        val traces = Traces()
        val listener = OpenTelemetryCallListener.builder(traces.sdk).maxCallsInFlight(2).build()
        JobClient.open(fake, listener).use { caller ->
          caller.stream { // A, still streaming
            caller.stream { // B
              traces.calls().shouldHaveSize(0)
              caller.stream { // C: three in flight, one too many
                val a = traces.calls().single()
                a[SpanAttributes.LLMGW_INCOMPLETE] shouldBe true
                listener.callsInFlight() shouldBe 2
              }
            }
          }
        }

        // A's own end came after it was let go: ignored, never a second span.
        val calls = traces.calls()
        calls shouldHaveSize 3
        calls.map { it[SpanAttributes.LLMGW_INCOMPLETE] } shouldContainExactly
          listOf(true, null, null)
        calls.map { it.spanId }.toSet() shouldHaveSize 3
        listener.callsInFlight() shouldBe 0
      }
    }

    test("a call span open longer than maxCallDuration is ended when the next call starts") {
      FakeGateway.start().use { fake ->
        val traces = Traces()
        val listener =
          OpenTelemetryCallListener.builder(traces.sdk)
            .maxCallDuration(Duration.ofMinutes(1))
            .clock(fake.fakeClock())
            .build()
        Facade.open(fake, listener).use { caller ->
          caller.stream {
            fake.fakeClock().advance(Duration.ofMinutes(2))
            caller.chat()
            val (stale, chat) = traces.calls()
            stale[SpanAttributes.LLMGW_INCOMPLETE] shouldBe true
            stale[SpanAttributes.LLMGW_ENDPOINT] shouldBe "chat.completions.stream"
            chat[SpanAttributes.LLMGW_INCOMPLETE].shouldBeNull()
          }
        }
        traces.calls() shouldHaveSize 2
        listener.callsInFlight() shouldBe 0
      }
    }
  })
