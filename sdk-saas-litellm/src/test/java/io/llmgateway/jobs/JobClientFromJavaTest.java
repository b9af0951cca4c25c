package io.llmgateway.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.TeamSuspendedException;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.SaasMode;
import io.llmgateway.testing.junit.FakeGatewayExtension;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job client as a Java user writes it, against the fake gateway. */
class JobClientFromJavaTest {
  @RegisterExtension
  static final FakeGatewayExtension GATEWAY =
      FakeGatewayExtension.with(() -> FakeGateway.builder().mode(SaasMode.REAL_SERVER));

  private static SaasLiteLlmClient client(FakeGateway gateway, String team) {
    return SaasLiteLlmClient.builder()
        .baseUrl(gateway.saasBaseUrl())
        .teamId(team)
        .virtualKey("sk-fake-" + team)
        .sleeper(duration -> {})
        .build();
  }

  @Test
  void runsAJobWithThreeCallsAndReadsItsCosts(FakeGateway gateway) {
    SaasLiteLlmClient client = client(gateway, "acme");

    JobResult<List<String>> result =
        client.runJob(
            JobSpec.of("document-analysis"),
            job ->
                List.of(
                    job.llmCall(LlmCallRequest.builder("chat-fast").user("Parse it").build())
                        .content(),
                    job.llmCall(LlmCallRequest.builder("chat-fast").user("Sum it up").build())
                        .content(),
                    job.llmCall(LlmCallRequest.builder("chat-fast").user("Label it").build())
                        .content()));

    assertEquals(3, result.value().size());
    assertEquals(JobStatus.COMPLETED, result.completion().status());
    JobCosts costs = result.serverCosts();
    assertEquals(3, costs.totalCalls());
    assertTrue(costs.creditApplied());
    assertEquals(1, gateway.state().job(result.jobId()).completeCount());
  }

  @Test
  void streamsWithTryWithResources(FakeGateway gateway) {
    SaasLiteLlmClient client = client(gateway, "acme");
    StringBuilder text = new StringBuilder();
    try (ChunkStream stream =
        client.createAndCallStream(
            JobSpec.of("chat"), LlmCallRequest.builder("chat-claude").user("Hello").build())) {
      for (StreamChunk chunk : stream) {
        text.append(chunk.textDelta());
      }
      assertEquals(text.toString(), stream.result().text());
    }
    assertFalse(text.toString().isEmpty());
  }

  @Test
  void catchesTypedErrorsOnBothApis(FakeGateway gateway) {
    SaasLiteLlmClient suspended = client(gateway, "umbrella");
    assertThrows(TeamSuspendedException.class, () -> suspended.createJob(JobSpec.of("x")));

    CompletableFuture<JobCreated> future = suspended.async().createJob(JobSpec.of("x"));
    String reaction =
        future
            .thenApply(created -> "created")
            .exceptionally(
                failure ->
                    failure.getCause() instanceof InsufficientCreditsException
                        ? "add credits"
                        : failure.getCause() instanceof LlmGatewayException
                            ? "typed: " + failure.getCause().getClass().getSimpleName()
                            : "untyped")
            .join();
    assertEquals("typed: TeamSuspendedException", reaction);
  }
}
