package io.llmgateway.ratelimit

import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import io.llmgateway.internal.http.HeaderLookup
import java.time.Instant

class RateLimitSnapshotSpec :
  FunSpec({
    val now = Instant.parse("2026-03-20T12:29:00Z")
    fun parse(vararg headers: Pair<String, String>) =
      RateLimitSnapshot.parse(
        HeaderLookup.of(headers.associate { it.first to listOf(it.second) }),
        now,
      )

    test("the five HiveOps headers, reset as an ISO instant") {
      val snapshot =
        parse(
          "X-RateLimit-Limit-Requests" to "60",
          "X-RateLimit-Remaining-Requests" to "45",
          "X-RateLimit-Reset-Requests" to "2026-03-20T12:30:00Z",
          "X-RateLimit-Limit-Tokens" to "150000",
          "X-RateLimit-Remaining-Tokens" to "145000",
        )
      snapshot.limitRequests() shouldBe 60L
      snapshot.remainingRequests() shouldBe 45L
      snapshot.resetRequests() shouldBe Instant.parse("2026-03-20T12:30:00Z")
      snapshot.limitTokens() shouldBe 150000L
      snapshot.remainingTokens() shouldBe 145000L
      snapshot.resetTokens() shouldBe null
      snapshot.isExhausted shouldBe false
    }

    data class ResetCase(val text: String, val expected: Instant?)

    context("reset formats") {
      withData(
        nameFn = { "'${it.text}'" },
        ResetCase("2026-03-20T12:30:00Z", Instant.parse("2026-03-20T12:30:00Z")),
        ResetCase("2026-03-20T13:30:00+01:00", Instant.parse("2026-03-20T12:30:00Z")),
        ResetCase("6m0s", now.plusSeconds(360)),
        ResetCase("20ms", now.plusMillis(20)),
        ResetCase("1h2m3.5s", now.plusMillis(3_723_500)),
        ResetCase("1.5s", now.plusMillis(1500)),
        ResetCase("30", now.plusSeconds(30)),
        ResetCase("1.25", now.plusMillis(1250)),
        ResetCase("1774009800", Instant.ofEpochSecond(1774009800)),
        ResetCase("Fri, 20 Mar 2026 12:30:00 GMT", Instant.parse("2026-03-20T12:30:00Z")),
        ResetCase("soon", null),
        ResetCase("-5", null),
        ResetCase("", null),
        ResetCase("999999999999s", now.plus(io.llmgateway.internal.DurationText.MAX)),
        ResetCase("99999999999999999999999s", null),
      ) { case ->
        parse("X-RateLimit-Reset-Requests" to case.text).resetRequests() shouldBe case.expected
      }
    }

    test("unsuffixed headers count as request limits; garbage counts are dropped") {
      val snapshot = parse("X-RateLimit-Limit" to "100", "X-RateLimit-Remaining" to "abc")
      snapshot.limitRequests() shouldBe 100L
      snapshot.remainingRequests() shouldBe null
    }

    test("no headers gives the empty snapshot") {
      parse().isEmpty shouldBe true
      parse() shouldBe RateLimitSnapshot.EMPTY
    }

    test("an exhausted token window resets at the later reset") {
      val snapshot =
        parse(
          "X-RateLimit-Remaining-Requests" to "0",
          "X-RateLimit-Reset-Requests" to "10s",
          "X-RateLimit-Remaining-Tokens" to "0",
          "X-RateLimit-Reset-Tokens" to "20s",
        )
      snapshot.isExhausted shouldBe true
      snapshot.exhaustedUntil() shouldBe now.plusSeconds(20)
    }
  })
