package io.llmgateway.cli.demo;

import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.console.Result;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.LlmCallResult;

/** Runs one {@link Scenario} against a {@link DemoGateway}: one llm-call inside a fresh job. */
public final class ScenarioRun {
  private ScenarioRun() {}

  public static Result run(DemoGateway gateway, Scenario scenario, String command, String jobId) {
    CallTally tally = gateway.tally();
    gateway.fake().faults().reset();
    scenario.faults().accept(gateway.fake().faults());
    tally.reset();
    long start = System.nanoTime();
    Result result;
    try {
      LlmCallResult answer =
          gateway
              .saas()
              .llmCall(
                  jobId, LlmCallRequest.builder("chat-fast").user("What is a gateway?").build());
      result = Result.ok(command, "saas-litellm").put("text", answer.content());
    } catch (LlmGatewayException e) {
      result = Result.failed(command, "saas-litellm", e);
    } finally {
      gateway.fake().faults().reset();
    }
    return result
        .tally(tally)
        .latencyMs((System.nanoTime() - start) / 1_000_000)
        .put("scenario", scenario.name())
        .put("scenario_status", scenario.status())
        .put("retries", tally.retries());
  }
}
