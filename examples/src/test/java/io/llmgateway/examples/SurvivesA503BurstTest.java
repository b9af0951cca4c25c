package io.llmgateway.examples;

// region fake-gateway-test
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.llmgateway.jobs.JobResult;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.fault.Fault;
import io.llmgateway.testing.junit.FakeGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// endregion

// region fake-gateway-test
class SurvivesA503BurstTest {
  @RegisterExtension static final FakeGatewayExtension GATEWAY = new FakeGatewayExtension();

  @Test
  void completesTheJobOnceThroughA503Burst(FakeGateway gateway) {
    gateway.faults().on("POST", "/api/jobs/create").times(2, Fault.status(503)).thenPass();
    try (SaasLiteLlmClient client =
        SaasLiteLlmClient.builder()
            .baseUrl(gateway.saasBaseUrl()) // seeded: team "acme", key "sk-fake-acme"
            .teamId("acme")
            .virtualKey("sk-fake-acme")
            .build()) {
      JobResult<String> result =
          client.runJob(
              JobSpec.of("test"),
              job -> job.llmCall(LlmCallRequest.builder("chat-fast").user("Hi").build()).content());
      assertEquals(1, gateway.state().job(result.jobId()).completeCount());
    }
  }
}
// endregion
