package io.llmgateway.openai

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.error.Provider
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import java.time.Duration
import java.util.Collections

/** Advances the shared fake clock instead of sleeping, and records every wait. */
class ClockSleeper(private val clock: FakeClock) : Sleeper {
  val waits: MutableList<Duration> = Collections.synchronizedList(mutableListOf())

  override fun sleep(duration: Duration) {
    waits.add(duration)
    clock.advance(duration)
  }
}

fun fakeHive(configure: FakeGateway.Builder.() -> Unit = {}): FakeGateway =
  FakeGateway.builder().apply(configure).start()

/** A facade on the fake's clock; its sleeper moves that clock. */
fun FakeGateway.hiveClient(
  key: String = "sk-fake-hive",
  sleeper: Sleeper = ClockSleeper(fakeClock()),
  configure: HiveOpsClientBuilder.() -> Unit = {},
): HiveOpsClient =
  HiveOpsClient.builder()
    .baseUrl(hiveOpsBaseUrl())
    .apiKey(key)
    .provider(Provider.HIVEOPS)
    .clock(fakeClock())
    .sleeper(sleeper)
    .apply(configure)
    .build()

/** Chat requests the fake received (429s and errors included). */
fun FakeGateway.chatRequests(): Int =
  requests().count { it.method() == "POST" && it.path().endsWith("/chat/completions") }

fun FakeGateway.modelRequests(): Int =
  requests().count { it.method() == "GET" && it.path().endsWith("/models") }

fun ask(model: String = "gpt-3.5-turbo", text: String = "hello there"): ChatCompletionCreateParams =
  ChatCompletionCreateParams.builder().model(model).addUserMessage(text).build()
