package io.llmgateway.testing.standalone

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.testing.HiveOpsMode
import io.llmgateway.testing.SaasMode
import io.llmgateway.testing.fault.Latency
import java.time.Duration

class StandaloneArgsSpec :
  FunSpec({
    test("defaults: documented, HiveOps form, the guides' limits, no latency") {
      val args = StandaloneArgs.parse("--port", "8080")
      args.mode() shouldBe SaasMode.DOCUMENTED
      args.hiveOpsMode() shouldBe HiveOpsMode.HIVEOPS
      args.hiveOpsRequests() shouldBe 60
      args.hiveOpsTokens() shouldBe 150_000
      args.hiveOpsWindow() shouldBe Duration.ofMinutes(1)
      args.saasWindow() shouldBe Duration.ofMinutes(1)
      args.latency() shouldBe Latency.none()
      args.latencySeed() shouldBe 42
    }

    test("every setting has a flag") {
      val args =
        StandaloneArgs.parse(
          "--port",
          "0",
          "--mode",
          "real-server",
          "--hiveops-mode",
          "openai",
          "--hiveops-requests",
          "5",
          "--hiveops-tokens",
          "900",
          "--hiveops-window-seconds",
          "2",
          "--saas-window-seconds",
          "3",
          "--latency",
          "realistic",
          "--latency-token-ms",
          "5",
          "--latency-seed",
          "7",
        )
      args.mode() shouldBe SaasMode.REAL_SERVER
      args.hiveOpsMode() shouldBe HiveOpsMode.OPENAI
      args.hiveOpsRequests() shouldBe 5
      args.hiveOpsTokens() shouldBe 900
      args.hiveOpsWindow() shouldBe Duration.ofSeconds(2)
      args.saasWindow() shouldBe Duration.ofSeconds(3)
      args.latency() shouldBe
        Latency.of(Duration.ofMillis(300), Duration.ofMillis(5)).withJitter(0.2)
      args.latencySeed() shouldBe 7
      StandaloneArgs.parse("--port", "1", "--latency-first-byte-ms", "100", "--latency-jitter", "0")
        .latency() shouldBe Latency.of(Duration.ofMillis(100), Duration.ZERO)
    }

    test("bad values name the flag") {
      for (bad in
        listOf(
          arrayOf("--port", "1", "--hiveops-requests", "0"),
          arrayOf("--port", "1", "--latency-jitter", "1.5"),
          arrayOf("--port", "1", "--latency", "fast"),
          arrayOf("--port", "1", "--hiveops-mode", "azure"),
          arrayOf("--port", "1", "--latency-token-ms"),
        )) {
        shouldThrow<IllegalArgumentException> { StandaloneArgs.parse(*bad) }.message!! shouldContain
          bad[2].removePrefix("--").substringBefore('-')
      }
    }

    test("--help needs no port") {
      StandaloneArgs.parse("--help").help() shouldBe true
      StandaloneArgs.HELP shouldContain "--latency-first-byte-ms"
    }
  })
