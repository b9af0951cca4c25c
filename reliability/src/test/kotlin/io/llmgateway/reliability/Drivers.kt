package io.llmgateway.reliability

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.coroutines.collectText
import io.llmgateway.coroutines.job
import io.llmgateway.coroutines.openai.suspending
import io.llmgateway.coroutines.suspending
import io.llmgateway.jobs.JobSpec
import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.metrics.MetricsSnapshot
import kotlinx.coroutines.runBlocking

/** What a client returned: its text, and everything it left readable (for the canary). */
data class Answer(val text: String, val leftovers: List<String>)

/** One way of calling a gateway: a client and an API style. */
interface Driver {
  val name: String
  val gateway: Gateway
  /** Whether this client's waits go through an injected sleeper (else it really waits). */
  val virtualTime: Boolean

  /** Runs [case]'s call; throws what the client throws. [metrics] sees the client's metrics. */
  fun run(case: Case, metrics: (MetricsSnapshot) -> Unit): Answer
}

fun request(case: Case): LlmCallRequest =
  LlmCallRequest.builder(case.scenario.model)
    .system("You are brief.")
    .user("Tell me about lighthouses")
    .build()

fun chatParams(case: Case): ChatCompletionCreateParams =
  ChatCompletionCreateParams.builder()
    .model(case.scenario.model)
    .addUserMessage("Tell me about lighthouses")
    .build()

/** The SaaS LiteLLM job client, blocking, inside `runJob`. */
object BlockingJobDriver : Driver {
  override val name = "job client"
  override val gateway = Gateway.SAAS
  override val virtualTime = true

  override fun run(case: Case, metrics: (MetricsSnapshot) -> Unit): Answer {
    val client = case.saas()
    try {
      val result =
        client.runJob(JobSpec.of("reliability")) { job ->
          when (case.scenario.shape) {
            Shape.CALL -> job.llmCall(request(case)).content().orEmpty()
            Shape.STREAM -> job.llmCallStream(request(case)) {}.text()
          }
        }
      return Answer(result.value(), listOf(result.toString(), client.toString()))
    } finally {
      metrics(client.metrics().snapshot())
    }
  }
}

/** The same client through sdk-coroutines: `job { }` with suspend calls and a Flow stream. */
object SuspendingJobDriver : Driver {
  override val name = "job client, coroutines"
  override val gateway = Gateway.SAAS
  override val virtualTime = false

  override fun run(case: Case, metrics: (MetricsSnapshot) -> Unit): Answer {
    val client = case.saas()
    try {
      val done = runBlocking {
        client.suspending().job("reliability") {
          when (case.scenario.shape) {
            Shape.CALL -> llmCall(request(case)).content().orEmpty()
            Shape.STREAM -> llmCallStream(request(case)).collectText()
          }
        }
      }
      return Answer(done.value(), listOf(done.toString()))
    } finally {
      metrics(client.metrics().snapshot())
    }
  }
}

/** The HiveOps facade of sdk-openai-compat, blocking. */
object BlockingHiveOpsDriver : Driver {
  override val name = "HiveOps facade"
  override val gateway = Gateway.HIVEOPS
  override val virtualTime = true

  override fun run(case: Case, metrics: (MetricsSnapshot) -> Unit): Answer {
    case.hive().use { client ->
      try {
        return when (case.scenario.shape) {
          Shape.CALL ->
            client.chat(chatParams(case)).let { Answer(it.text(), listOf(it.toString())) }
          Shape.STREAM ->
            client.stream(chatParams(case)) {}.let { Answer(it.text(), listOf(it.toString())) }
        }
      } finally {
        metrics(client.executor().metrics().snapshot())
      }
    }
  }
}

/** The HiveOps facade through sdk-coroutines: suspend `chat`, a Flow stream. */
object SuspendingHiveOpsDriver : Driver {
  override val name = "HiveOps facade, coroutines"
  override val gateway = Gateway.HIVEOPS
  override val virtualTime = false

  override fun run(case: Case, metrics: (MetricsSnapshot) -> Unit): Answer {
    case.hive().use { client ->
      try {
        val hive = client.suspending()
        return runBlocking {
          when (case.scenario.shape) {
            Shape.CALL ->
              hive.chat(chatParams(case)).let { Answer(it.text(), listOf(it.toString())) }
            Shape.STREAM ->
              hive.streamResult(chatParams(case)).let { Answer(it.text(), listOf(it.toString())) }
          }
        }
      } finally {
        metrics(client.executor().metrics().snapshot())
      }
    }
  }
}

val drivers: List<Driver> =
  listOf(BlockingJobDriver, SuspendingJobDriver, BlockingHiveOpsDriver, SuspendingHiveOpsDriver)
