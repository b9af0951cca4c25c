package io.llmgateway.coroutines

import io.llmgateway.jobs.LlmCallRequest
import io.llmgateway.jobs.SaasLiteLlmClient
import io.llmgateway.jobs.SaasLiteLlmClientBuilder
import io.llmgateway.retry.Jitter
import io.llmgateway.retry.RetryPolicy
import io.llmgateway.testing.FakeGateway
import java.time.Duration
import okhttp3.OkHttpClient

/**
 * Fast retries for real-time tests over loopback; the exact schedules are tested in virtual time.
 */
val quickRetries: RetryPolicy =
  RetryPolicy.saasLiteLlm()
    .toBuilder()
    .backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(40), Jitter.none())
    .build()

fun FakeGateway.suspendingClient(
  team: String = "acme",
  http: OkHttpClient = OkHttpClient(),
  configure: SaasLiteLlmClientBuilder.() -> Unit = {},
): SuspendingJobClient =
  SaasLiteLlmClient.builder()
    .baseUrl(saasBaseUrl())
    .teamId(team)
    .virtualKey("sk-fake-$team")
    .okHttpClient(http)
    .retryPolicy(quickRetries)
    .apply(configure)
    .build()
    .suspending()

fun question(model: String = "chat-fast"): LlmCallRequest =
  llmCallRequest(model) {
    system("You are brief.")
    user("Tell me a story about a lighthouse")
    purpose = "test"
  }
