package io.llmgateway.logging

import io.kotest.assertions.throwables.shouldThrowAny
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.circuit.CircuitBreakerConfig
import io.llmgateway.error.AuthenticationException
import io.llmgateway.error.KeyLeaks
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ValidationException
import io.llmgateway.metrics.CallFinished
import io.llmgateway.metrics.RetryScheduled
import io.llmgateway.pipeline.Harness
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeGateway
import java.time.Duration

/**
 * Issue 4's canary test over real HTTP: every request carries the key, every failure path of the
 * fake gateway echoes it, and the key shows nowhere a user or an operator can read.
 */
class CanaryOverHttpSpec :
  FunSpec({
    test("a canary key sent and echoed over HTTP never shows in logs, errors, events or metrics") {
      val log = CapturingLogger()
      val callLogger = CallLogger.of(log, HeaderAllowList.ofDefaults())
      val h =
        Harness(
          retry = RetryPolicy.saasLiteLlm().toBuilder().random { 0.0 }.build(),
          // never open: every path must reach the server on every attempt
          breakers = CircuitBreakerConfig.consecutiveFailures(1000, Duration.ofSeconds(30)),
          configure = { logger(callLogger).logging(true) },
        )
      val thrown = linkedMapOf<String, Throwable>()
      FakeGateway.builder().clock(h.clock).start().use { gateway ->
        CanaryClient(gateway.hiveOpsBaseUrl(), CANARY, callLogger, h.clock).use { client ->
          for (path in failurePaths) {
            gateway.faults().reset()
            gateway.faults().on("POST", "/v1/chat/completions").thenAlways(path.fault)
            val error = shouldThrowAny { h.run(options = path.options) { client.send(it) } }
            withClue(path.name) { error::class shouldBe path.expected }
            thrown[path.name] = error
            h.clock.advance(Duration.ofMinutes(1)) // past every rate window and retry hint
          }
        }
        // the key really went out, on every attempt of every path
        val requests = gateway.requests()
        requests.size shouldBeGreaterThanOrEqual failurePaths.size
        requests.forEach { it.header("Authorization") shouldBe "Bearer $CANARY" }
      }

      val texts = buildList {
        log.all().forEach { record ->
          add(record.text())
          record.throwable?.let { addAll(KeyLeaks.textsOf(it)) }
        }
        thrown.values.forEach { addAll(KeyLeaks.textsOf(it)) }
        h.events.forEach { event ->
          add(event.toString())
          if (event is CallFinished) event.error()?.let { addAll(KeyLeaks.textsOf(it)) }
        }
        val metrics = h.executor.metrics().snapshot()
        add(metrics.toString())
        add(metrics.total().failuresByType().toString())
        add(h.limiter.state(h.clock.instant()).toString())
        h.registry.breakers().forEach { add(it.toString()) }
      }
      KeyLeaks.assertNone(texts, CANARY)

      // and the checks above had something to check: the echoes reached the errors, masked
      val errors = thrown.values
      errors.filterIsInstance<AuthenticationException>().single().message!! shouldContain
        "sk-[REDACTED]"
      errors.filterIsInstance<RateLimitedException>().single().requestId() shouldBe "sk-[REDACTED]"
      errors
        .filterIsInstance<ValidationException>()
        .single()
        .fieldErrors()
        .first()
        .location() shouldContain "sk-[REDACTED]"
      log.all().map { it.message }.filter { it.startsWith("call failed") }.size shouldBe
        failurePaths.size
      val requestHeaderLines =
        log.all().map { it.message }.filter { it.startsWith("request headers:") }
      requestHeaderLines.shouldNotBeEmpty()
      requestHeaderLines.forEach { it shouldContain "Authorization: REDACTED" }
      h.eventsOf<RetryScheduled>().shouldNotBeEmpty()
      h.executor.metrics().snapshot().total().failures() shouldBe failurePaths.size.toLong()
    }
  })
