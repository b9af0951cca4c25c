package io.llmgateway.jobs

import io.llmgateway.pipeline.Endpoint
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.pipeline.Timeouts
import io.llmgateway.testing.FakeClock
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.SaasMode
import java.time.Duration

/** Both SaaS modes, for withData. */
val BOTH_MODES = listOf(SaasMode.REAL_SERVER, SaasMode.DOCUMENTED)

fun FakeGateway.client(
  team: String = "acme",
  key: String = "sk-fake-$team",
  sleeper: Sleeper = Sleeper(FakeClock()::sleep),
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

fun question(
  text: String = "Tell me a story about a lighthouse",
  model: String = "chat-fast",
): LlmCallRequest =
  LlmCallRequest.builder(model).system("You are brief.").user(text).purpose("test").build()

/** Timeouts with a 300 ms complete: a complete answered later than that times out. */
fun shortComplete(): Timeouts =
  Timeouts.custom().timeout(Endpoint.JOBS_COMPLETE, Duration.ofMillis(300)).build()
