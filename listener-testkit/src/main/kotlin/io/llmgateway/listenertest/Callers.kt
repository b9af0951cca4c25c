package io.llmgateway.listenertest

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.circuit.CircuitBreakerConfig
import io.llmgateway.circuit.CircuitBreakerRegistry
import io.llmgateway.error.Provider
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.metrics.CallListener
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.ratelimit.RateLimitConfig
import io.llmgateway.ratelimit.RateLimiter
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Fault
import java.time.Duration

/** What a scenario changes on a client: its throttle, breakers or retries. */
data class Setup(
  val rateLimiter: RateLimiter? = null,
  val breakers: CircuitBreakerRegistry? = null,
  val retryPolicy: RetryPolicy? = null,
) {
  companion object {
    /** One request a minute, learnt from nowhere else: the second call waits. */
    fun throttled() =
      Setup(
        rateLimiter =
          RateLimiter.of(
            RateLimitConfig.custom()
              .window(Duration.ofMinutes(1))
              .requestsPerWindow(1)
              .learnFromHeaders(false)
              .build()
          )
      )

    /** No retries; two failed calls in a row open the breaker for a minute. */
    fun fragile() =
      Setup(
        breakers =
          CircuitBreakerRegistry.of(
            CircuitBreakerConfig.consecutiveFailures(2, Duration.ofMinutes(1))
          ),
        retryPolicy = RetryPolicy.none(),
      )
  }
}

/** One client and call style, as a user holds it; chat and stream throw what the user would see. */
interface Caller : AutoCloseable {
  fun chat()

  /** Streams to the end. */
  fun stream() = stream {}

  /** Streams, running [afterFirst] once the first chunk is in and before reading the rest. */
  fun stream(afterFirst: () -> Unit)
}

/** Reads the first element, runs [afterFirst], then reads the rest. */
private fun Iterator<*>.drain(afterFirst: () -> Unit) {
  next()
  afterFirst()
  forEachRemaining {}
}

/**
 * A way of calling a gateway (the job client, the HiveOps facade, the drop-in OpenAIClient), with
 * the gateway paths and endpoint ids its calls go to and a fault that the gateway refuses at once.
 */
abstract class CallStyle(
  val name: String,
  val gateway: Provider,
  val chatPath: String,
  val streamPath: String,
  val chatEndpoint: String,
  val streamEndpoint: String,
  val badRequest: Fault,
  /** Whether answers carry a token split and a price (SaaS LiteLLM's give a total, no price). */
  val pricedUsage: Boolean,
  /** A call whose answer reports its usage to the listeners. */
  val usageCall: (Caller) -> Unit = { it.chat() },
) {
  abstract fun open(fake: FakeGateway, listener: CallListener, setup: Setup = Setup()): Caller

  override fun toString() = name
}

private fun hiveParams(): ChatCompletionCreateParams =
  ChatCompletionCreateParams.builder()
    .model("llama3:8b-instruct-q8_0")
    .addUserMessage("hello there")
    .build()

private fun hive(fake: FakeGateway, listener: CallListener, setup: Setup): HiveOpsClient =
  HiveOpsClient.builder()
    .baseUrl(fake.hiveOpsBaseUrl())
    .apiKey("sk-fake-hive")
    .provider(Provider.HIVEOPS)
    .clock(fake.fakeClock())
    .sleeper(fake.fakeClock()::sleep)
    .listener(listener)
    .apply {
      setup.rateLimiter?.let { rateLimiter(it) }
      setup.breakers?.let { circuitBreakers(it) }
      setup.retryPolicy?.let { retryPolicy(it) }
    }
    .build()

private val hiveBadRequest =
  Fault.openAiError(400, "'messages' must not be empty", "invalid_request_error", null)

object JobClient :
  CallStyle(
    "job client",
    Provider.SAAS_LITELLM,
    "/api/jobs/create-and-call",
    "/api/jobs/create-and-call-stream",
    "jobs.create-and-call",
    "jobs.create-and-call-stream",
    Fault.detail(400, "Invalid request format"),
    pricedUsage = false,
  ) {
  override fun open(fake: FakeGateway, listener: CallListener, setup: Setup): Caller {
    val client =
      SaasLiteLlmClient.builder()
        .baseUrl(fake.saasBaseUrl())
        .teamId("acme")
        .virtualKey("sk-fake-acme")
        .clock(fake.fakeClock())
        .sleeper(fake.fakeClock()::sleep)
        .listener(listener)
        .apply {
          setup.rateLimiter?.let { rateLimiter(it) }
          setup.breakers?.let { circuitBreakers(it) }
          setup.retryPolicy?.let { retryPolicy(it) }
        }
        .build()
    val request = LlmCallRequest.builder("chat-fast").user("hello there").build()
    return object : Caller {
      override fun chat() {
        client.createAndCall(JobSpec.of("listener"), request)
      }

      override fun stream(afterFirst: () -> Unit) {
        client.createAndCallStream(JobSpec.of("listener"), request).use {
          it.iterator().drain(afterFirst)
        }
      }

      override fun close() = client.close()
    }
  }
}

object Facade :
  CallStyle(
    "HiveOps facade",
    Provider.HIVEOPS,
    "/chat/completions",
    "/chat/completions",
    "chat.completions",
    "chat.completions.stream",
    hiveBadRequest,
    pricedUsage = true,
  ) {
  override fun open(fake: FakeGateway, listener: CallListener, setup: Setup): Caller {
    val client = hive(fake, listener, setup)
    return object : Caller {
      override fun chat() {
        client.chat(hiveParams())
      }

      override fun stream(afterFirst: () -> Unit) {
        // The public stream hands over deltas, not chunks: the first one stands for the first
        // chunk.
        var first = true
        client.stream(hiveParams()) {
          if (first) afterFirst()
          first = false
        }
      }

      override fun close() = client.close()
    }
  }
}

object DropIn :
  CallStyle(
    "drop-in OpenAIClient",
    Provider.HIVEOPS,
    "/chat/completions",
    "/chat/completions",
    "chat.completions",
    "chat.completions.stream",
    hiveBadRequest,
    pricedUsage = true,
  ) {
  override fun open(fake: FakeGateway, listener: CallListener, setup: Setup): Caller {
    val client = hive(fake, listener, setup)
    val openAi = client.openAi()
    return object : Caller {
      override fun chat() {
        openAi.chat().completions().create(hiveParams())
      }

      override fun stream(afterFirst: () -> Unit) {
        openAi.chat().completions().createStreaming(hiveParams()).use {
          it.stream().iterator().drain(afterFirst)
        }
      }

      override fun close() = client.close()
    }
  }
}

// A getter, not a stored list: Facade's constructor reads this file's hiveBadRequest, and a stored
// list built while Facade is still initialising (a spec that names Facade first) would hold null.
val CALL_STYLES: List<CallStyle>
  get() = listOf(JobClient, Facade, DropIn)
