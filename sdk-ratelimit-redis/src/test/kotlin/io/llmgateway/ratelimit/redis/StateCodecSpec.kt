package io.llmgateway.ratelimit.redis

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.llmgateway.ratelimit.RateLimitState
import io.llmgateway.ratelimit.RateWindow
import java.time.Instant

class StateCodecSpec :
  FunSpec({
    val reset = Instant.parse("2026-03-20T12:30:00.123456789Z")

    test("a state survives the round trip exactly, nanoseconds and unknown windows included") {
      listOf(
          RateLimitState(RateWindow(60, 59, reset), RateWindow(150_000, 149_000, reset)),
          RateLimitState(RateWindow.ofLimit(60), RateWindow.UNKNOWN),
          RateLimitState(RateWindow(60, 0, Instant.EPOCH.minusSeconds(5)), RateWindow.UNKNOWN),
          RateLimitState(RateWindow(60, 3, reset, 7), RateWindow(150_000, 0, reset, 1_000)),
        )
        .forEach { state -> StateCodec.decode(StateCodec.encode(state)) shouldBe state }
    }

    test("equal states encode to equal bytes, so Redis can compare them") {
      val a = RateLimitState(RateWindow(60, 1, reset), RateWindow.UNKNOWN)
      val b = RateLimitState(RateWindow(60, 1, Instant.parse(reset.toString())), RateWindow.UNKNOWN)
      StateCodec.encode(a) shouldBe StateCodec.encode(b)
      StateCodec.encode(a) shouldBe "v2 60 1 1774009800 123456789 0 -1 -1 - - 0"
      StateCodec.encode(RateLimitState(RateWindow(60, 1, reset, 4), RateWindow.UNKNOWN)) shouldBe
        "v2 60 1 1774009800 123456789 4 -1 -1 - - 0"
    }

    test("the older v1 form (no carry) still reads") {
      StateCodec.decode("v1 60 1 1774009800 0 -1 -1 - -") shouldBe
        RateLimitState(RateWindow(60, 1, Instant.ofEpochSecond(1774009800)), RateWindow.UNKNOWN)
    }

    test("bytes this codec did not write read as no state") {
      listOf("", "v2 1 2 - - 3 4 - -", "v1 60 x - - 1 1 - -", "v1 60", "v3 1 2 - - 0 3 4 - - 0")
        .forEach { StateCodec.decode(it) shouldBe null }
    }
  })
