package io.llmgateway.openai

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldEndWith
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.error.Provider

private const val KEY = "sk-secret-canary-123456"

class MisconfigurationSpec :
  FunSpec({
    test("a HiveOps key sent to api.openai.com is refused at build time") {
      val e =
        shouldThrow<IllegalStateException> {
          HiveOpsClient.builder().baseUrl("https://api.openai.com/v1").apiKey(KEY).build()
        }
      e.message shouldContain "api.openai.com"
      e.message shouldNotContain KEY
    }

    test(
      "every openai.com host is refused, unless allowOpenAiHost(true) says the key is OpenAI's"
    ) {
      for (url in listOf("https://eu.api.openai.com", "https://OpenAI.com/v1")) {
        val e =
          shouldThrow<IllegalStateException> {
            HiveOpsClient.builder().baseUrl(url).apiKey(KEY).build()
          }
        e.message shouldContain "allowOpenAiHost(true)"
      }
      val client =
        HiveOpsClient.builder()
          .baseUrl("https://api.openai.com/v1")
          .apiKey(KEY)
          .allowOpenAiHost(true)
          .build()
      client.baseUrl() shouldBe "https://api.openai.com/v1/"
      client.provider() shouldBe Provider.OPENAI_COMPATIBLE
    }

    test("cleartext http to a non-loopback host is refused unless allowed") {
      val e =
        shouldThrow<IllegalStateException> {
          HiveOpsClient.builder().baseUrl("http://ai.hiveops.io").apiKey(KEY).build()
        }
      e.message shouldContain "http://"
      e.message shouldNotContain KEY
      HiveOpsClient.builder()
        .baseUrl("http://ai.hiveops.io")
        .apiKey(KEY)
        .allowInsecureHttp(true)
        .build()
      HiveOpsClient.builder().baseUrl("http://127.0.0.1:8080").apiKey(KEY).build()
      HiveOpsClient.builder().baseUrl("http://[::1]:8080").apiKey(KEY).build()
      HiveOpsClient.builder().baseUrl("http://localhost:8080").apiKey(KEY).build()
    }

    test("the same cleartext check as the job client: a name that looks local is not loopback") {
      for (url in
        listOf(
          "http://127.attacker.example",
          "http://127.0.0.1.nip.io",
          "http://localhost.evil.com",
        )) {
        shouldThrow<IllegalStateException> {
            HiveOpsClient.builder().baseUrl(url).apiKey(KEY).build()
          }
          .message!! shouldContain "refusing cleartext http://"
      }
    }

    test("a malformed key is refused without showing it") {
      for (bad in listOf("pk-live-1234567890", "sk-a b c d e", "sk-1")) {
        val e =
          shouldThrow<IllegalArgumentException> { HiveOpsClient.builder().apiKey(bad).build() }
        e.message shouldContain "malformed"
        e.message shouldNotContain bad
      }
    }

    test("the key comes from HIVEOPS_API_KEY when not given, and its absence is a clear error") {
      val client =
        HiveOpsClient.builder().environment { if (it == "HIVEOPS_API_KEY") KEY else null }.build()
      client.baseUrl() shouldBe "https://ai.hiveops.io/"
      client.provider() shouldBe Provider.HIVEOPS
      val e =
        shouldThrow<IllegalStateException> { HiveOpsClient.builder().environment { null }.build() }
      e.message shouldContain "HIVEOPS_API_KEY"
    }

    test("the base URL comes from HIVEOPS_BASE_URL when not given, as openai-java's fromEnv()") {
      fakeHive().use { gateway ->
        val env = mapOf("HIVEOPS_API_KEY" to "sk-fake-hive", "HIVEOPS_BASE_URL" to gateway.url())
        val client = HiveOpsClient.builder().environment { env[it] }.build()
        client.baseUrl() shouldBe gateway.url() + "/"
        client.chat(ask()).text() shouldBe "Fake reply to: hello there"
        // A base URL set on the builder wins over the environment.
        HiveOpsClient.builder()
          .environment { env[it] }
          .baseUrl("https://gateway.example.com")
          .build()
          .baseUrl() shouldBe "https://gateway.example.com/"
      }
    }

    test("the path prefix is configurable, and other hosts are OpenAI-compatible") {
      fakeHive().use { gateway ->
        val client =
          HiveOpsClient.builder()
            .baseUrl(gateway.hiveOpsBaseUrl())
            .pathPrefix("v1/")
            .apiKey("sk-fake-hive")
            .clock(gateway.fakeClock())
            .build()
        client.baseUrl() shouldEndWith "/v1/"
        client.provider() shouldBe Provider.OPENAI_COMPATIBLE
        client.chat(ask()).text() shouldBe "Fake reply to: hello there"
        gateway.lastRequest().path() shouldBe "/v1/chat/completions"
      }
    }
  })
