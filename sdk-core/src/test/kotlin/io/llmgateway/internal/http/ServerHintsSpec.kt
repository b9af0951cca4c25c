package io.llmgateway.internal.http

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
    test("a date or a reset in the past is no hint: the backoff decides, never a zero wait") {
      hint("Retry-After" to "Fri, 20 Mar 2026 12:00:00 GMT") shouldBe null
      hint(
        "X-RateLimit-Remaining-Requests" to "0",
        "X-RateLimit-Reset-Requests" to "2026-03-20T12:28:00Z",
      ) shouldBe null
    }
    test("a reset beyond the horizon is no hint: ten years ahead, or epoch ms read as seconds") {
      hint(
        "X-RateLimit-Remaining-Requests" to "0",
        "X-RateLimit-Reset-Requests" to "2036-03-20T12:29:00Z",
      ) shouldBe null
      val lookup =
        HeaderLookup.of(
          mapOf(
            "X-RateLimit-Remaining-Requests" to listOf("0"),
            "X-RateLimit-Reset-Requests" to listOf("2026-03-20T12:29:45Z"),
          )
        )
      ServerHints.retryAfter(
        lookup,
        RateLimitSnapshot.parse(lookup, now),
        now,
        Duration.ofSeconds(30),
      ) shouldBe null
    }
    test("a reset in epoch milliseconds, epoch seconds or as a duration is read as such") {
      val reset = now.plusSeconds(45)
      for (text in
        listOf("${reset.toEpochMilli()}", "${reset.epochSecond}", "45s", "0m45s", "45")) {
        hint("X-RateLimit-Remaining-Requests" to "0", "X-RateLimit-Reset-Requests" to text) shouldBe
          Duration.ofSeconds(45)
      }
    }
    test("an unreadable Retry-After falls through to the next hint") {
      hint("Retry-After" to "later", *exhausted) shouldBe Duration.ofSeconds(45)
    }
    test("no hint at all") { hint() shouldBe null }
  })
