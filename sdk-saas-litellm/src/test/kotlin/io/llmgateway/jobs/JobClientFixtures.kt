package io.llmgateway.jobs

import io.llmgateway.pipeline.Sleeper
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import java.time.Duration
import java.util.Collections

/**
 * Records waits instead of sleeping, so retries cost no real time. Like Thread.sleep, it throws
 * (and clears the flag) when the thread is interrupted.
 */
class NoSleep : Sleeper {
  val waits: MutableList<Duration> = Collections.synchronizedList(mutableListOf())

  override fun sleep(duration: Duration) {
    if (Thread.interrupted()) throw InterruptedException("sleep interrupted")
    waits.add(duration)
  }
}

/** Both SaaS modes, for withData. */
val BOTH_MODES = listOf(SaasMode.REAL_SERVER, SaasMode.DOCUMENTED)

fun fake(mode: SaasMode = SaasMode.REAL_SERVER): FakeGateway =
  FakeGateway.builder().mode(mode).start()

fun FakeGateway.client(
  team: String = "acme",
  key: String = "sk-fake-$team",
  sleeper: Sleeper = NoSleep(),
  configure: SaasLiteLlmClientBuilder.() -> Unit = {},
): SaasLiteLlmClient =
  SaasLiteLlmClient.builder()
    .baseUrl(saasBaseUrl())
    .teamId(team)
    .virtualKey(key)
    .sleeper(sleeper)
    .timeouts(Timeouts.ofDefaults())
    .apply(configure)
    .build()

/** Requests the fake saw whose path ends with [suffix] (e.g. "/complete"). */
fun FakeGateway.requestsTo(method: String, suffix: String): Int =
  requests().count { it.method() == method && it.path().substringBefore('?').endsWith(suffix) }

fun question(
  text: String = "Tell me a story about a lighthouse",
  model: String = "chat-fast",
): LlmCallRequest =
  LlmCallRequest.builder(model).system("You are brief.").user(text).purpose("test").build()
