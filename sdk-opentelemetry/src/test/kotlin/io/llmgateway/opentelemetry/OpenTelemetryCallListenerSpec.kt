package io.llmgateway.opentelemetry

import io.kotest.assertions.throwables.shouldThrowAny
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldMatch
import io.llmgateway.listenertest.CALL_STYLES
import io.llmgateway.listenertest.Facade
import io.llmgateway.listenertest.Setup
import io.llmgateway.opentelemetry.SpanAttributes.GEN_AI_OPERATION_NAME
import io.llmgateway.opentelemetry.SpanAttributes.GEN_AI_PROVIDER_NAME
import io.llmgateway.opentelemetry.SpanAttributes.GEN_AI_RESPONSE_MODEL
import io.llmgateway.opentelemetry.SpanAttributes.GEN_AI_SYSTEM
import io.llmgateway.opentelemetry.SpanAttributes.GEN_AI_USAGE_INPUT_TOKENS
import io.llmgateway.opentelemetry.SpanAttributes.GEN_AI_USAGE_OUTPUT_TOKENS
import io.llmgateway.opentelemetry.SpanAttributes.LLMGW_ATTEMPTS
import io.llmgateway.opentelemetry.SpanAttributes.LLMGW_COST_USD
import io.llmgateway.opentelemetry.SpanAttributes.LLMGW_DELAY_MS
import io.llmgateway.opentelemetry.SpanAttributes.LLMGW_ENDPOINT
import io.llmgateway.opentelemetry.SpanAttributes.LLMGW_STREAM_CHUNKS
import io.llmgateway.opentelemetry.SpanAttributes.LLMGW_USAGE_TOTAL_TOKENS
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Fault
import io.opentelemetry.api.trace.SpanKind
import io.opentelemetry.api.trace.StatusCode
import io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE
import io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD
import io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_RESEND_COUNT
import io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE

class OpenTelemetryCallListenerSpec :
  FunSpec({
    for (style in CALL_STYLES) {
      context(style.name) {
        val gw = style.gateway.id()

        test("a retried call: one CLIENT span, a child per attempt, the retry as an event") {
          FakeGateway.start().use { fake ->
            val traces = Traces()
            fake.faults().on("POST", style.chatPath).next(Fault.status(503)).thenPass()
            style.open(fake, OpenTelemetryCallListener.of(traces.sdk)).use { it.chat() }

            val call = traces.calls().single()
            call.name shouldBe "chat"
            call.kind shouldBe SpanKind.CLIENT
            call[GEN_AI_SYSTEM] shouldBe gw
            call[GEN_AI_PROVIDER_NAME] shouldBe gw
            call[GEN_AI_OPERATION_NAME] shouldBe "chat"
            call[LLMGW_ENDPOINT] shouldBe style.chatEndpoint
            call[LLMGW_ATTEMPTS] shouldBe 2L
            call.status.statusCode shouldBe StatusCode.UNSET
            call.events.single().name shouldBe SpanAttributes.EVENT_RETRY
            call.events.single().attributes.get(ERROR_TYPE) shouldBe "ServiceUnavailableException"

            val (first, second) = traces.attemptsOf(call)
            first.kind shouldBe SpanKind.CLIENT
            first.traceId shouldBe call.traceId
            first[HTTP_REQUEST_METHOD] shouldBe "POST"
            first[HTTP_RESPONSE_STATUS_CODE] shouldBe 503L
            first[ERROR_TYPE] shouldBe "ServiceUnavailableException"
            first.status.statusCode shouldBe StatusCode.ERROR
            first[HTTP_REQUEST_RESEND_COUNT].shouldBeNull()
            second[HTTP_REQUEST_RESEND_COUNT] shouldBe 1L
            second[ERROR_TYPE].shouldBeNull()
            traces.spans() shouldHaveSize 3
          }
        }

        test("the answer's model, tokens and cost are on the call span") {
          FakeGateway.start().use { fake ->
            val traces = Traces()
            style.open(fake, OpenTelemetryCallListener.of(traces.sdk)).use { style.usageCall(it) }

            val call = traces.calls().single()
            call[GEN_AI_RESPONSE_MODEL].shouldNotBeNull()
            call[LLMGW_USAGE_TOTAL_TOKENS]!! shouldBeGreaterThan 0L
            if (style.pricedUsage) {
              call[GEN_AI_RESPONSE_MODEL] shouldBe "llama3:8b-instruct-q8_0"
              call[GEN_AI_USAGE_INPUT_TOKENS]!! shouldBeGreaterThan 0L
              call[GEN_AI_USAGE_OUTPUT_TOKENS]!! shouldBeGreaterThan 0L
              call[LLMGW_COST_USD]!! shouldMatch Regex("0\\.0*[1-9][0-9]*") // plain, never 2.1E-7
            } else {
              // SaaS LiteLLM says a total and no price: no split or cost is made up.
              call[GEN_AI_USAGE_INPUT_TOKENS].shouldBeNull()
              call[LLMGW_COST_USD].shouldBeNull()
            }
          }
        }

        test("a throttled call: the wait is an event inside the call span") {
          FakeGateway.start().use { fake ->
            val traces = Traces()
            style.open(fake, OpenTelemetryCallListener.of(traces.sdk), Setup.throttled()).use {
              it.chat()
              it.chat()
            }

            val (first, second) = traces.calls()
            first.events.shouldBeEmpty()
            val wait = second.events.single { it.name == SpanAttributes.EVENT_THROTTLED }
            val delay = wait.attributes.get(LLMGW_DELAY_MS)!!
            delay shouldBeGreaterThan 1000L
            second.durationMillis() shouldBeGreaterThanOrEqual delay
            traces.attemptsOf(second) shouldHaveSize 1
          }
        }

        test("a circuit opening: the change on the call that tripped it, the refusal after") {
          FakeGateway.start().use { fake ->
            val traces = Traces()
            fake.faults().on("POST", style.chatPath).thenAlways(Fault.status(503))
            style.open(fake, OpenTelemetryCallListener.of(traces.sdk), Setup.fragile()).use { caller
              ->
              repeat(3) { shouldThrowAny { caller.chat() } }
            }

            val (_, tripped, refused) = traces.calls()
            val change = tripped.events.single { it.name == SpanAttributes.EVENT_CIRCUIT }
            change.attributes.get(SpanAttributes.LLMGW_CIRCUIT_FROM) shouldBe "closed"
            change.attributes.get(SpanAttributes.LLMGW_CIRCUIT_TO) shouldBe "open"
            tripped[ERROR_TYPE] shouldBe "ServiceUnavailableException"
            refused[ERROR_TYPE] shouldBe "CircuitOpenException"
            refused[LLMGW_ATTEMPTS] shouldBe 0L
            refused.status.statusCode shouldBe StatusCode.ERROR
            traces.attemptsOf(refused).shouldBeEmpty()
          }
        }

        test("a failed call: error status and type, the exception, one attempt with its status") {
          FakeGateway.start().use { fake ->
            val traces = Traces()
            fake.faults().on("POST", style.chatPath).next(style.badRequest)
            style.open(fake, OpenTelemetryCallListener.of(traces.sdk)).use { caller ->
              shouldThrowAny { caller.chat() }
            }

            val call = traces.calls().single()
            call.status.statusCode shouldBe StatusCode.ERROR
            call[ERROR_TYPE] shouldBe "BadRequestException"
            call.events.single().name shouldBe "exception"
            traces.attemptsOf(call).single()[HTTP_RESPONSE_STATUS_CODE] shouldBe 400L
          }
        }

        test("a stream: its call span lasts to the stream's end, not to its first chunk") {
          FakeGateway.start().use { fake ->
            val traces = Traces()
            style.open(fake, OpenTelemetryCallListener.of(traces.sdk)).use { caller ->
              caller.stream { traces.calls().shouldBeEmpty() } // first chunk in: still open
            }

            val call = traces.calls().single()
            call.name shouldBe "chat"
            call[LLMGW_ENDPOINT] shouldBe style.streamEndpoint
            call[LLMGW_STREAM_CHUNKS]!! shouldBeGreaterThan 1L
            call.status.statusCode shouldBe StatusCode.UNSET
            val opened = call.events.single { it.name == SpanAttributes.EVENT_STREAM_OPENED }
            call.endEpochNanos shouldBeGreaterThanOrEqual opened.epochNanos
            traces.attemptsOf(call) shouldHaveSize 1
          }
        }

        test("a stream cut mid-way: the call span ends with the stream's error") {
          FakeGateway.start().use { fake ->
            val traces = Traces()
            fake.faults().on("POST", style.streamPath).next(Fault.disconnectAfterEvents(3))
            style.open(fake, OpenTelemetryCallListener.of(traces.sdk)).use { caller ->
              shouldThrowAny { caller.stream() }
            }

            val call = traces.calls().single()
            call.status.statusCode shouldBe StatusCode.ERROR
            call[ERROR_TYPE] shouldBe "StreamInterruptedException"
            call[LLMGW_STREAM_CHUNKS]!! shouldBeGreaterThan 0L
          }
        }
      }
    }

    test("a call span is a child of the span current where the call started") {
      FakeGateway.start().use { fake ->
        val traces = Traces()
        val app = traces.sdk.getTracer("app").spanBuilder("handle request").startSpan()
        app.makeCurrent().use {
          Facade.open(fake, OpenTelemetryCallListener.of(traces.sdk)).use { it.chat() }
        }
        app.end()

        val call = traces.calls().single()
        call.parentSpanId shouldBe app.spanContext.spanId
        call.traceId shouldBe app.spanContext.traceId
      }
    }
  })
