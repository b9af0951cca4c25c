package io.llmgateway.coroutines.openai

import com.openai.models.chat.completions.ChatCompletionCreateParams
import io.llmgateway.error.Provider
import io.llmgateway.openai.HiveOpsClient
import io.llmgateway.openai.HiveOpsClientBuilder
import io.llmgateway.retry.Jitter
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeGateway
import java.time.Duration
import okhttp3.OkHttpClient

/** HiveOps' policy with fast waits, for real-time tests; its real schedule runs in virtual time. */
val quickHiveRetries: RetryPolicy =
  RetryPolicy.hiveOps()
    .toBuilder()
    .backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(40), Jitter.none())
    .build()

fun fakeHive(configure: FakeGateway.Builder.() -> Unit = {}): FakeGateway =
  FakeGateway.builder().apply(configure).start()

/** A facade on the fake (and on its clock), in its suspending form. */
fun FakeGateway.hive(
  key: String = "sk-fake-hive",
  http: OkHttpClient = OkHttpClient(),
  configure: HiveOpsClientBuilder.() -> Unit = {},
): SuspendingHiveOpsClient =
  HiveOpsClient.builder()
    .baseUrl(hiveOpsBaseUrl())
    .apiKey(key)
    .provider(Provider.HIVEOPS)
    .clock(clock())
    .okHttpClient(http)
    .retryPolicy(quickHiveRetries)
    .apply(configure)
    .build()
    .suspending()

/** Chat requests the fake received (errors included). */
fun FakeGateway.chatRequests(): Int =
  requests().count { it.method() == "POST" && it.path().endsWith("/chat/completions") }

fun FakeGateway.modelRequests(): Int =
  requests().count { it.method() == "GET" && it.path().endsWith("/models") }

fun ask(model: String = "gpt-3.5-turbo", text: String = "hello there"): ChatCompletionCreateParams =
  chatParams(model) { user(text) }

const val SCOPE_HEADER = "X-Llmgw-Call-Scope"
