package io.llmgateway.opentelemetry

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.listenertest.DropIn
import io.llmgateway.metrics.CallEvent
import io.llmgateway.metrics.CallFinished
import io.llmgateway.metrics.CallListener
import io.llmgateway.testing.FakeGateway
import io.opentelemetry.api.OpenTelemetry
import io.opentelemetry.api.trace.Tracer
import io.opentelemetry.api.trace.TracerProvider
import io.opentelemetry.context.propagation.ContextPropagators
import java.util.Collections

class NeverThrowsSpec :
  FunSpec({
    test("a tracer that throws costs the spans, never the call nor the listeners after it") {
      val broken = Tracer { throw IllegalStateException("tracing is down") }
      val openTelemetry =
        object : OpenTelemetry {
          override fun getTracerProvider(): TracerProvider =
            object : TracerProvider {
              override fun get(instrumentationScopeName: String): Tracer = broken

              override fun get(name: String, version: String): Tracer = broken
            }

          override fun getPropagators(): ContextPropagators = ContextPropagators.noop()
        }
      val seen = Collections.synchronizedList(mutableListOf<CallEvent>())
      // A composite does not catch: had the listener thrown, the one after it would miss events.
      val listener =
        CallListener.composite(
          listOf(OpenTelemetryCallListener.of(openTelemetry), CallListener { seen += it })
        )
      FakeGateway.start().use { fake ->
        DropIn.open(fake, listener).use { it.chat() }
      }
      seen.filterIsInstance<CallFinished>().single().success() shouldBe true
    }
  })
