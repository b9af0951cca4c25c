package io.llmgateway.micrometer

import io.kotest.assertions.throwables.shouldThrowAny
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.llmgateway.listenertest.CALL_STYLES
import io.llmgateway.listenertest.DropIn
import io.llmgateway.listenertest.Facade
import io.llmgateway.listenertest.JobClient
import io.llmgateway.listenertest.Setup
import io.llmgateway.metrics.CallEvent
import io.llmgateway.metrics.CallFinished
import io.llmgateway.metrics.CallListener
import io.llmgateway.micrometer.LlmgwMeters.ATTEMPTS
import io.llmgateway.micrometer.LlmgwMeters.CALLS
import io.llmgateway.micrometer.LlmgwMeters.CIRCUIT_STATE
import io.llmgateway.micrometer.LlmgwMeters.CIRCUIT_TRANSITIONS
import io.llmgateway.micrometer.LlmgwMeters.COST
import io.llmgateway.micrometer.LlmgwMeters.COST_UNKNOWN
import io.llmgateway.micrometer.LlmgwMeters.ENDPOINT
import io.llmgateway.micrometer.LlmgwMeters.ERROR_TYPE
import io.llmgateway.micrometer.LlmgwMeters.GATEWAY
import io.llmgateway.micrometer.LlmgwMeters.OUTCOME
import io.llmgateway.micrometer.LlmgwMeters.RETRIES
import io.llmgateway.micrometer.LlmgwMeters.RETRY_WAIT
import io.llmgateway.micrometer.LlmgwMeters.STATUS
import io.llmgateway.micrometer.LlmgwMeters.STREAMS
import io.llmgateway.micrometer.LlmgwMeters.STREAM_CHUNKS
import io.llmgateway.micrometer.LlmgwMeters.THROTTLE_WAIT
import io.llmgateway.micrometer.LlmgwMeters.TOKENS
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Fault
import io.micrometer.core.instrument.simple.SimpleMeterRegistry
import java.util.concurrent.TimeUnit

class MicrometerCallListenerSpec :
  FunSpec({
    for (style in CALL_STYLES) {
      context(style.name) {
        val gw = style.gateway.id()

        fun SimpleMeterRegistry.calls(endpoint: String, outcome: String, error: String) =
          find(CALLS)
            .tags(GATEWAY, gw, ENDPOINT, endpoint, OUTCOME, outcome, ERROR_TYPE, error)
            .timer()
            ?.count() ?: 0L

        test("a call retried after a 503: one call, two attempts, one retry and its wait") {
          FakeGateway.start().use { fake ->
            val registry = SimpleMeterRegistry()
            fake.faults().on("POST", style.chatPath).next(Fault.status(503)).thenPass()
            style.open(fake, MicrometerCallListener.of(registry)).use { it.chat() }

            registry.calls(style.chatEndpoint, "success", "none") shouldBe 1L
            registry
              .get(ATTEMPTS)
              .tags(ENDPOINT, style.chatEndpoint, OUTCOME, "error", STATUS, "503")
              .tag(ERROR_TYPE, "ServiceUnavailableException")
              .timer()
              .count() shouldBe 1L
            registry
              .get(ATTEMPTS)
              .tags(ENDPOINT, style.chatEndpoint, OUTCOME, "success")
              .timer()
              .count() shouldBe 1L
            registry
              .get(RETRIES)
              .tags(GATEWAY, gw, ERROR_TYPE, "ServiceUnavailableException")
              .counter()
              .count() shouldBe 1.0
            registry.get(RETRY_WAIT).timer().totalTime(TimeUnit.MILLISECONDS) shouldBeGreaterThan
              0.0
          }
        }

        test("an answer's tokens and cost are counted per model") {
          FakeGateway.start().use { fake ->
            val registry = SimpleMeterRegistry()
            style.open(fake, MicrometerCallListener.of(registry)).use { style.usageCall(it) }

            fun tokens(type: String) =
              registry.find(TOKENS).tags(GATEWAY, gw, "type", type).counter()?.count() ?: 0.0
            if (style.pricedUsage) {
              tokens("input") shouldBeGreaterThan 0.0
              tokens("output") shouldBeGreaterThan 0.0
              registry
                .get(COST)
                .tag("model", "llama3:8b-instruct-q8_0")
                .counter()
                .count() shouldBeGreaterThan 0.0
            } else {
              // SaaS LiteLLM answers say a total and no price: counted as such, never as zero.
              tokens("total") shouldBeGreaterThan 0.0
              registry.get(COST_UNKNOWN).counter().count() shouldBe 1.0
              registry.find(COST).counter().shouldBeNull()
            }
          }
        }

        test("a throttled call: the wait the rate limiter imposed is timed") {
          FakeGateway.start().use { fake ->
            val registry = SimpleMeterRegistry()
            style.open(fake, MicrometerCallListener.of(registry), Setup.throttled()).use {
              it.chat()
              it.chat()
            }

            val waits = registry.get(THROTTLE_WAIT).tags(GATEWAY, gw, ENDPOINT, style.chatEndpoint)
            waits.timer().count() shouldBe 1L
            waits.timer().totalTime(TimeUnit.SECONDS) shouldBeGreaterThan 1.0
            registry.calls(style.chatEndpoint, "success", "none") shouldBe 2L
          }
        }

        test("a circuit opening: the state gauge, the transition, and the call it refused") {
          FakeGateway.start().use { fake ->
            val registry = SimpleMeterRegistry()
            fake.faults().on("POST", style.chatPath).thenAlways(Fault.status(503))
            style.open(fake, MicrometerCallListener.of(registry), Setup.fragile()).use { caller ->
              repeat(3) { shouldThrowAny { caller.chat() } }
            }

            fun state(name: String) =
              registry
                .get(CIRCUIT_STATE)
                .tags(GATEWAY, gw, ENDPOINT, style.chatEndpoint, "state", name)
                .gauge()
                .value()
            state("open") shouldBe 1.0
            state("closed") shouldBe 0.0
            state("half_open") shouldBe 0.0
            registry
              .get(CIRCUIT_TRANSITIONS)
              .tags("from", "closed", "to", "open")
              .counter()
              .count() shouldBe 1.0
            registry.calls(style.chatEndpoint, "error", "ServiceUnavailableException") shouldBe 2L
            registry.calls(style.chatEndpoint, "error", "CircuitOpenException") shouldBe 1L
            registry.get(ATTEMPTS).timers().sumOf { it.count() } shouldBe 2L // none for the third
          }
        }

        test("a failed call: its error type, one attempt with its status, no retry") {
          FakeGateway.start().use { fake ->
            val registry = SimpleMeterRegistry()
            fake.faults().on("POST", style.chatPath).next(style.badRequest)
            style.open(fake, MicrometerCallListener.of(registry)).use { caller ->
              shouldThrowAny { caller.chat() }
            }

            registry.calls(style.chatEndpoint, "error", "BadRequestException") shouldBe 1L
            registry.get(ATTEMPTS).tag(STATUS, "400").timer().count() shouldBe 1L
            registry.find(RETRIES).counter().shouldBeNull()
          }
        }

        test("a stream: its call, its own end and its chunks") {
          FakeGateway.start().use { fake ->
            val registry = SimpleMeterRegistry()
            style.open(fake, MicrometerCallListener.of(registry)).use { it.stream() }

            registry.calls(style.streamEndpoint, "success", "none") shouldBe 1L
            registry
              .get(STREAMS)
              .tags(GATEWAY, gw, ENDPOINT, style.streamEndpoint, OUTCOME, "success")
              .timer()
              .count() shouldBe 1L
            val chunks = registry.get(STREAM_CHUNKS).summary()
            chunks.count() shouldBe 1L
            chunks.totalAmount() shouldBeGreaterThan 1.0
          }
        }

        test("a stream cut mid-way: the call opened fine, the stream ended in an error") {
          FakeGateway.start().use { fake ->
            val registry = SimpleMeterRegistry()
            fake.faults().on("POST", style.streamPath).next(Fault.disconnectAfterEvents(3))
            style.open(fake, MicrometerCallListener.of(registry)).use { caller ->
              shouldThrowAny { caller.stream() }
            }

            registry.calls(style.streamEndpoint, "success", "none") shouldBe 1L
            registry
              .get(STREAMS)
              .tags(ENDPOINT, style.streamEndpoint, OUTCOME, "error")
              .tag(ERROR_TYPE, "StreamInterruptedException")
              .timer()
              .count() shouldBe 1L
            registry.get(STREAM_CHUNKS).summary().totalAmount() shouldBeGreaterThan 0.0
          }
        }
      }
    }

    test("one listener serves both clients; meters are told apart by gateway") {
      FakeGateway.start().use { fake ->
        val registry = SimpleMeterRegistry()
        val listener = MicrometerCallListener.of(registry)
        JobClient.open(fake, listener).use { it.chat() }
        DropIn.open(fake, listener).use { it.chat() }

        registry.get(CALLS).tag(GATEWAY, "saas-litellm").timer().count() shouldBe 1L
        registry.get(CALLS).tag(GATEWAY, "hiveops").timer().count() shouldBe 1L
      }
    }

    test("a registry that throws costs the data point, never the call nor later listeners") {
      FakeGateway.start().use { fake ->
        val registry = SimpleMeterRegistry()
        registry
          .config()
          .meterFilter(
            object : io.micrometer.core.instrument.config.MeterFilter {
              override fun map(id: io.micrometer.core.instrument.Meter.Id) =
                throw IllegalStateException("registry down")
            }
          )
        val seen = java.util.Collections.synchronizedList(mutableListOf<CallEvent>())
        // A composite does not catch: had the listener thrown, the one after it would miss events.
        val listener =
          CallListener.composite(
            listOf(MicrometerCallListener.of(registry), CallListener { seen += it })
          )
        Facade.open(fake, listener).use { it.chat() }
        seen.filterIsInstance<CallFinished>().single().success() shouldBe true
      }
    }
  })
