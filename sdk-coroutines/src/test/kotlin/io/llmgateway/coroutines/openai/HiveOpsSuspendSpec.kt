package io.llmgateway.coroutines.openai

import io.kotest.assertions.nondeterministic.eventually
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.cost.TokenUsage
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.InvalidModelException
import io.llmgateway.openai.BalanceCheck
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.testing.fault.Fault
import java.math.BigDecimal
import java.time.Duration
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import okhttp3.Dispatcher
import okhttp3.OkHttpClient

private val GATEWAY_MODELS =
  listOf(
    "mistral-7b-instruct-v0.3",
    "llama3:8b-instruct-q8_0",
    "gemma-2-9b-it",
    "llama-3-70b-instruct",
  )

/** Every non-streaming call of the suspending HiveOps facade, over real HTTP against the fake. */
class HiveOpsSuspendSpec :
  FunSpec({
    test("closing the suspending client closes the facade under it") {
      fakeHive().use { gateway ->
        val client =
          HiveOpsClient.builder()
            .baseUrl(gateway.hiveOpsBaseUrl())
            .apiKey("sk-fake-hive")
            .build()
            .suspending()
        client.use {
          runBlocking { it.chat(ask()) }
          gateway.openConnections() shouldBe 1 // pooled: only close() lets it go
        }
        eventually(5.seconds) { gateway.openConnections() shouldBe 0 }
      }
    }

    test("chat answers with the mapped model, usage, cost and rate-limit headers") {
      fakeHive().use { gateway ->
        runBlocking {
          val result = gateway.hive().chat(ask("gpt-3.5-turbo"))
          result.text() shouldBe "Fake reply to: hello there"
          result.model() shouldBe "llama3:8b-instruct-q8_0"
          result.usage() shouldBe TokenUsage(9, 6, 15) // as the fake counts tokens: OpenAI-like
          // (2 x 0.01 + 5 x 0.02) / 1M
          result.cost().usd()!!.compareTo(BigDecimal("0.00000021")) shouldBe 0
          result.rateLimit().remainingRequests() shouldBe 59L
          val sent = gateway.lastRequest()
          sent.body() shouldContain "\"model\":\"llama3:8b-instruct-q8_0\""
          sent.header(SCOPE_HEADER) shouldBe null
          sent.header("X-Stainless-Lang") shouldBe null
        }
      }
    }

    test(
      "an empty balance is never retried; the guard then fails fast, shared with blocking calls"
    ) {
      fakeHive().use { gateway ->
        val client = gateway.hive(key = "sk-fake-hive-broke")
        runBlocking {
          shouldThrow<InsufficientCreditsException> { client.chat(ask()) }
          gateway.chatRequests() shouldBe 1
          shouldThrow<InsufficientCreditsException> { client.chat(ask()) }.message shouldContain
            "not sent"
          shouldThrow<InsufficientCreditsException> { client.stream(ask()).collect {} }
        }
        shouldThrow<InsufficientCreditsException> { client.blocking.chat(ask()) }
        gateway.chatRequests() shouldBe 1
      }
    }

    test("an unknown model is a typed error listing the valid ids, fetched once") {
      fakeHive().use { gateway ->
        val client = gateway.hive()
        runBlocking {
          val e = shouldThrow<InvalidModelException> { client.chat(ask("gpt-5-ultra")) }
          e.model() shouldBe "gpt-5-ultra"
          e.validModels() shouldContainExactlyInAnyOrder GATEWAY_MODELS
          shouldThrow<InvalidModelException> { client.stream(ask("claude-3")).collect {} }
            .validModels() shouldContainExactlyInAnyOrder GATEWAY_MODELS
        }
        gateway.modelRequests() shouldBe 1
        gateway.chatRequests() shouldBe 2 // a 400 is never retried
      }
    }

    test("models lists the gateway's ids, cached for the TTL on the injected clock") {
      fakeHive().use { gateway ->
        val client = gateway.hive { modelsTtl(Duration.ofMinutes(10)) }
        runBlocking {
          client.models() shouldContainExactlyInAnyOrder GATEWAY_MODELS
          client.models() shouldContainExactlyInAnyOrder GATEWAY_MODELS
          gateway.modelRequests() shouldBe 1
          gateway.fakeClock().advance(Duration.ofMinutes(11))
          client.models()
          gateway.modelRequests() shouldBe 2
        }
      }
    }

    test("checkBalance says ok with one 1-token probe, cached for the TTL") {
      fakeHive().use { gateway ->
        val client = gateway.hive { balanceTtl(Duration.ofMinutes(5)) }
        runBlocking {
          client.checkBalance().status() shouldBe BalanceCheck.Status.OK
          gateway.lastRequest().body() shouldContain "\"model\":\"mistral-7b-instruct-v0.3\""
          gateway.lastRequest().body() shouldContain "\"max_tokens\":1"
          gateway.fakeClock().advance(Duration.ofMinutes(4))
          client.checkBalance().isOk shouldBe true
          gateway.chatRequests() shouldBe 1
          gateway.fakeClock().advance(Duration.ofMinutes(2))
          client.checkBalance().isOk shouldBe true
          gateway.chatRequests() shouldBe 2
        }
      }
    }

    test("checkBalance says insufficient with the gateway's reason, and arms the guard") {
      fakeHive().use { gateway ->
        val client = gateway.hive(key = "sk-fake-hive-broke")
        runBlocking {
          val check = client.checkBalance()
          check.status() shouldBe BalanceCheck.Status.INSUFFICIENT
          check.reason() shouldContain "Insufficient account balance"
          shouldThrow<InsufficientCreditsException> { client.chat(ask()) }
        }
        gateway.chatRequests() shouldBe 1
      }
    }

    test("checkBalance says unknown after one try when the gateway fails otherwise") {
      fakeHive().use { gateway ->
        gateway.faults().on("POST", "/chat/completions").thenAlways(Fault.status(503))
        runBlocking {
          val check = gateway.hive().checkBalance()
          check.status() shouldBe BalanceCheck.Status.UNKNOWN
          check.reason() shouldContain "503"
        }
        gateway.chatRequests() shouldBe 1
      }
    }

    test("cancelling an in-flight chat closes the connection and frees OkHttp's dispatcher") {
      fakeHive().use { gateway ->
        gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(Fault.delayHeaders(Duration.ofSeconds(2)))
        val http = OkHttpClient()
        val client = gateway.hive(http = http)
        runBlocking {
          val call = launch { client.chat(ask()) }
          eventually(5.seconds) {
            gateway.chatRequests() shouldBe 1
            http.dispatcher.runningCallsCount() shouldBe 1
          }
          call.cancelAndJoin()
          // A call that had completed would leave its connection open in the pool.
          eventually(5.seconds) {
            gateway.openConnections() shouldBe 0
            http.dispatcher.runningCallsCount() shouldBe 0
          }
        }
        gateway.chatRequests() shouldBe 1
      }
    }

    test("no thread waits: 40 slow chats from one thread are on the wire together") {
      fakeHive { hiveOpsLimits(1_000, 1_000_000) }
        .use { gateway ->
          gateway
            .faults()
            .on("POST", "/chat/completions")
            .thenAlways(Fault.delayHeaders(Duration.ofMillis(300)))
          val onWire = AtomicInteger()
          val peak = AtomicInteger()
          val http =
            OkHttpClient.Builder()
              .dispatcher(Dispatcher().apply { maxRequestsPerHost = 64 })
              .addInterceptor { chain ->
                peak.accumulateAndGet(onWire.incrementAndGet(), ::maxOf)
                try {
                  chain.proceed(chain.request())
                } finally {
                  onWire.decrementAndGet()
                }
              }
              .build()
          val client =
            gateway.hive(http = http) { rateLimiter(RateLimiter.of(RateLimitConfig.unlimited())) }
          Executors.newSingleThreadExecutor().asCoroutineDispatcher().use { single ->
            runBlocking {
              withContext(single) { (1..40).map { async { client.chat(ask()) } }.awaitAll() }
                .size shouldBe 40
            }
          }
          // A thread held by each call would keep one request on the wire at a time.
          peak.get() shouldBeGreaterThan 20
        }
    }
  })
