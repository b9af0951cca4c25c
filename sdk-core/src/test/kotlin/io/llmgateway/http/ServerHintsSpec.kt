package io.llmgateway.http

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.ratelimit.RateLimitSnapshot
import java.time.Duration
import java.time.Instant

class ServerHintsSpec :
  FunSpec({
    val now = Instant.parse("2026-03-20T12:29:00Z")
    fun hint(vararg headers: Pair<String, String>): Duration? {
      val lookup = HeaderLookup.of(headers.associate { it.first to listOf(it.second) })
      return ServerHints.retryAfter(lookup, RateLimitSnapshot.parse(lookup, now), now)
    }
    val exhausted =
      arrayOf(
        "X-RateLimit-Remaining-Requests" to "0",
        "X-RateLimit-Reset-Requests" to "2026-03-20T12:29:45Z",
      )

    test("retry-after-ms comes first") {
      hint("retry-after-ms" to "120", "Retry-After" to "3", *exhausted) shouldBe
        Duration.ofMillis(120)
    }
    test("then Retry-After in seconds") {
      hint("Retry-After" to "3", *exhausted) shouldBe Duration.ofSeconds(3)
    }
    test("then Retry-After as an HTTP date") {
      hint("Retry-After" to "Fri, 20 Mar 2026 12:29:10 GMT", *exhausted) shouldBe
        Duration.ofSeconds(10)
    }
    test("then the reset of an exhausted window") {
      hint(*exhausted) shouldBe Duration.ofSeconds(45)
    }
    test("a reset with requests remaining is no hint") {
      hint("X-RateLimit-Remaining-Requests" to "5", "X-RateLimit-Reset-Requests" to "10s") shouldBe
        null
    }
    test("a date in the past means now") {
      hint("Retry-After" to "Fri, 20 Mar 2026 12:00:00 GMT") shouldBe Duration.ZERO
    }
    test("an unreadable Retry-After falls through to the next hint") {
      hint("Retry-After" to "later", *exhausted) shouldBe Duration.ofSeconds(45)
    }
    test("no hint at all") { hint() shouldBe null }
  })
