package io.llmgateway.jobs

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.llmgateway.internal.Cleartext

/** What build() accepts: cleartext only to loopback literals, and the key from the environment. */
class ClientBuilderSpec :
  FunSpec({
    fun build(url: String, configure: SaasLiteLlmClientBuilder.() -> Unit = {}) =
      SaasLiteLlmClient.builder()
        .baseUrl(url)
        .teamId("acme")
        .virtualKey("sk-x")
        .apply(configure)
        .build()

    context("http:// to a loopback literal is allowed") {
      withData(
        "http://localhost:8080",
        "http://LOCALHOST",
        "http://127.0.0.1:9",
        "http://127.255.255.254",
        "http://[::1]:8080",
      ) { url ->
        build(url).toString() shouldContain "baseUrl=http://"
      }
    }

    context("http:// to anything else is refused, even names that start like loopback") {
      withData(
        "http://127.evil.com",
        "http://127.0.0.1.evil.com",
        "http://127.0.0.1.nip.io",
        "http://localhost.evil.com",
        "http://128.0.0.1",
        "http://10.0.0.1",
      ) { url ->
        shouldThrow<IllegalStateException> { build(url) }.message!! shouldContain "https"
      }
    }

    test("the loopback check reads literals only") {
      Cleartext.isLoopback("127.0.0.1") shouldBe true
      Cleartext.isLoopback("127.1.2.3") shouldBe true
      Cleartext.isLoopback("::1") shouldBe true
      Cleartext.isLoopback("127.256.0.1") shouldBe false
      Cleartext.isLoopback("127.0.0") shouldBe false
      Cleartext.isLoopback("127.0.0.01x") shouldBe false
      Cleartext.isLoopback("127.evil.com") shouldBe false
      Cleartext.isLoopback("sub.localhost") shouldBe false
    }

    test("https anywhere, and http anywhere when explicitly allowed") {
      build("https://gateway.example.com").toString() shouldNotContain "sk-x"
      build("http://gateway.example.com") { allowInsecureHttp(true) }
    }

    test("without a key the builder reads SAAS_LITELLM_VIRTUAL_KEY, and sends it") {
      fake().use { gateway ->
        val asked = mutableListOf<String>()
        val client =
          SaasLiteLlmClient.builder()
            .baseUrl(gateway.saasBaseUrl())
            .teamId("acme")
            .sleeper(NoSleep())
            .environment { name ->
              asked.add(name)
              if (name == "SAAS_LITELLM_VIRTUAL_KEY") "sk-fake-acme" else null
            }
            .build()
        client.createJob(JobSpec.of("env")).jobId().length shouldBe 36
        asked shouldBe listOf(SaasLiteLlmClientBuilder.KEY_ENV)
        gateway.lastRequest().header("Authorization") shouldBe "Bearer sk-fake-acme"
      }
    }

    test("an explicit key wins over the environment; no key anywhere is a clear error") {
      val fromEnv = mutableListOf<String>()
      SaasLiteLlmClient.builder()
        .baseUrl("http://localhost")
        .teamId("acme")
        .virtualKey("sk-explicit")
        .environment {
          fromEnv.add(it)
          "sk-env"
        }
        .build()
      fromEnv shouldBe emptyList()
      shouldThrow<IllegalStateException> {
          SaasLiteLlmClient.builder()
            .baseUrl("http://localhost")
            .teamId("acme")
            .environment { null }
            .build()
        }
        .message!! shouldContain "SAAS_LITELLM_VIRTUAL_KEY"
    }
  })
