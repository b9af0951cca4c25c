package io.llmgateway.cli.demo;

import io.llmgateway.testing.fault.FaultScript;
import java.util.function.Consumer;

/**
 * A named fault on the SaaS LiteLLM llm-call endpoint: what the server does, and what the guide
 * says a client should do about it.
 *
 * @param name the name {@code llmgw simulate} takes
 * @param status the status column of the guide's error table
 * @param description what the fake does
 * @param faults scripts the fault on the fake
 */
public record Scenario(
    String name, String status, String description, Consumer<FaultScript> faults) {

  /** The llm-call path on the fake, for fault rules. */
  public static final String LLM_CALL = "/api/jobs/*/llm-call";
}
