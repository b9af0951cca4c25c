package io.llmgateway.logging

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.circuit.CircuitBreakerConfig
import io.llmgateway.pipeline.CallOptions
import io.llmgateway.pipeline.Errors
import io.llmgateway.pipeline.Harness
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimitSnapshot
import io.llmgateway.retry.RetryPolicy
import java.time.Duration
import okhttp3.Headers

private const val KEY = "sk-canary0123456789abcdefXYZ"
private const val SECRET = "canary0123456789abcdef"

class CanaryKeySpec :
  FunSpec({
    test("a canary key never shows in logs, exception messages, toString() or metrics") {
      val log = CapturingLogger()
      val h =
        Harness(
          retry = RetryPolicy.saasLiteLlm().toBuilder().random { 0.0 }.build(),
          breakers = CircuitBreakerConfig.consecutiveFailures(50, Duration.ofSeconds(30)),
          rateLimit = RateLimitConfig.custom().requestsPerWindow(40).build(),
          configure = { logger(CallLogger.of(log, HeaderAllowList.ofDefaults())).logging(true) },
        )
      val thrown = mutableListOf<Throwable>()
      val leakyTexts =
        listOf(
          "invalid api key $KEY",
          "Authorization: Bearer $KEY",
          "{\"error\":{\"message\":\"Incorrect API key provided: $KEY\"}}",
          "header authorization=$KEY was rejected",
        )
      fun call(options: CallOptions = CallOptions.defaults(), block: () -> Nothing) {
        try {
          h.run(options = options) { block() }
        } catch (e: RuntimeException) {
          thrown += e
        }
      }
      for (text in leakyTexts) {
        call { throw Errors.unauthorized(text) }
        call { throw Errors.badRequest(text) }
        call { throw Errors.unavailable(text) }
        call { throw Errors.rateLimited(message = text) }
        call { throw Errors.connectionFailed(text) }
        call { throw IllegalStateException(text) } // unclassified: rethrown as is, logged redacted
        call(CallOptions.builder().deadline(Duration.ofSeconds(2)).build()) {
          h.clock.advance(Duration.ofSeconds(3))
          throw Errors.internal(text)
        }
        call { throw Errors.rateLimited(Duration.ofMinutes(10), RateLimitSnapshot.EMPTY, text) }
        h.clock.advance(Duration.ofMinutes(2))
      }
      repeat(60) { call { throw Errors.internal(leakyTexts[0]) } } // circuit opens, throttle waits
      h.clock.advance(Duration.ofMinutes(2))
      val now = h.clock.instant()
      h.limiter.observe(RateLimitSnapshot(40, 0, now.plusSeconds(30), null, null, null), now)
      call(CallOptions.builder().deadline(Duration.ofSeconds(5)).build()) {
        throw Errors.badRequest(KEY)
      }
      val logger = CallLogger.of(log, HeaderAllowList.ofDefaults())
      logger.logHeaders(
        "req-1",
        "request",
        Headers.headersOf("Authorization", "Bearer $KEY", "X-Request-Id", KEY, "Api-Key", KEY),
      )
      logger.logHeaders("req-2", "response", mapOf("authorization" to listOf(KEY)))

      thrown.map { it::class.simpleName }.toSet() shouldBe
        setOf(
          "AuthenticationException",
          "BadRequestException",
          "ServiceUnavailableException",
          "RateLimitedException",
          "ConnectionException",
          "IllegalStateException",
          "CallTimeoutException",
          "InternalServerException",
          "CircuitOpenException",
          "ThrottledException",
        )
      log.all().shouldNotBeEmpty()
      val ours = thrown.filterNot { it is IllegalStateException }
      val texts = buildList {
        log.all().forEach { add(it.text()) }
        ours.forEach { e ->
          generateSequence(e as Throwable) { it.cause }
            .forEach {
              add(it.toString())
              add(it.message.orEmpty())
              if (it is io.llmgateway.error.LlmGatewayException) {
                add(it.rawBody())
                add(it.serverMessage())
              }
            }
        }
        h.events.forEach { add(it.toString()) }
        add(h.executor.metrics().snapshot().toString())
        add(h.executor.metrics().snapshot().total().failuresByType().toString())
        add(h.limiter.state(h.clock.instant()).toString())
        h.registry.breakers().forEach { add(it.toString()) }
      }
      texts.forEach { it shouldNotContain SECRET }
      // and the logs did see the failures
      log.all().map { it.message }.toSet().any { it.startsWith("call failed") } shouldBe true
    }
  })
