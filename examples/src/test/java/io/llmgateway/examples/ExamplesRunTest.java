package io.llmgateway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmgateway.error.AuthenticationException;
import io.llmgateway.examples.hiveops.KotlinHiveOpsQuickstart;
import io.llmgateway.openai.HiveOpsClient;
import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.fault.Fault;
import io.llmgateway.testing.state.JobSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs each example's main in its own JVM, configured only through the environment variables the
 * README names, against the fake gateway on loopback: as a user would run it.
 */
class ExamplesRunTest {
  private FakeGateway gateway;

  @BeforeEach
  void start() {
    gateway = FakeGateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void theSaasJobCompletesOnceWithBothCalls() throws Exception {
    String out = run(SaasJobQuickstart.class.getName());
    assertTrue(out.contains(" tokens, "), out);
    JobSnapshot job = onlyJob();
    assertEquals("COMPLETED", job.status());
    assertEquals(1, job.completeCount());
    assertEquals(2, job.calls().size());
  }

  @Test
  void theStreamPrintsTheStory() throws Exception {
    String out = run(StreamQuickstart.class.getName());
    assertTrue(!out.isBlank() && !out.contains("cut, kept"), out);
    assertEquals(1, onlyJob().completeCount());
  }

  @Test
  void theStreamKeepsWhatArrivedWhenCut() throws Exception {
    gateway
        .faults()
        .on("POST", "/api/jobs/create-and-call-stream")
        .next(Fault.disconnectAfterEvents(2));
    String out = run(StreamQuickstart.class.getName());
    assertTrue(out.contains("cut, kept: "), out);
  }

  @Test
  void theHiveOpsFacadeChatsStreamsAndChecksTheBalance() throws Exception {
    String out = run(HiveOpsChatQuickstart.class.getName());
    assertTrue(out.contains("USD") || out.contains("$"), out);
    assertEquals(3, gateway.state().hiveOpsKey("sk-fake-hive").totalRequests(), out);
  }

  @Test
  void metricsAndTracesNeedOneLineEach() throws Exception {
    String out = run(ObservabilityQuickstart.class.getName());
    assertTrue(out.contains("1 call(s) measured"), out);
    assertEquals(1, gateway.state().hiveOpsKey("sk-fake-hive").totalRequests(), out);
  }

  @Test
  void theDropInClientAnswers() throws Exception {
    String out = run(DropInQuickstart.class.getName());
    assertTrue(!out.isBlank(), out);
    assertEquals(1, gateway.state().hiveOpsKey("sk-fake-hive").totalRequests());
  }

  @Test
  void typedErrorsNameTheCause() throws Exception {
    gateway
        .faults()
        .on("POST", "/chat/completions")
        .next(Fault.openAiError(403, "Insufficient balance", "insufficient_balance", null));
    String out = run(TypedErrors.class.getName());
    assertTrue(out.contains("add credits: "), out);
    assertTrue(out.contains("AuthenticationException: HTTP 401"), out);
  }

  @Test
  void kotlinJobsRunInsideJobBlocks() throws Exception {
    String out = run("io.llmgateway.examples.KotlinJobQuickstartKt");
    assertTrue(out.contains("credits left: "), out);
    assertEquals(2, gateway.state().jobs().size());
    gateway.state().jobs().forEach(job -> assertEquals(1, job.completeCount()));
  }

  @Test
  void kotlinHiveOpsSuspends() throws Exception {
    String out = run(KotlinHiveOpsQuickstart.class.getName());
    assertTrue(!out.isBlank(), out);
    assertEquals(3, gateway.state().hiveOpsKey("sk-fake-hive").totalRequests(), out);
  }

  @Test
  void kotlinWhenCoversEveryError() {
    try (HiveOpsClient hive =
        HiveOpsClient.builder().baseUrl(gateway.hiveOpsBaseUrl()).apiKey("sk-fake-none").build()) {
      hive.checkBalance();
      AuthenticationException e = null;
      try {
        hive.models();
      } catch (AuthenticationException thrown) {
        e = thrown;
      }
      assertTrue(e != null, "a wrong key is an AuthenticationException");
      assertTrue(KotlinTypedErrors.reaction(e).startsWith("check the key"));
    }
  }

  private JobSnapshot onlyJob() {
    List<JobSnapshot> jobs = gateway.state().jobs();
    assertEquals(1, jobs.size(), jobs.toString());
    return jobs.get(0);
  }

  private String run(String mainClass) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), mainClass)
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("SAAS_LITELLM_BASE_URL", gateway.saasBaseUrl());
    env.put("SAAS_LITELLM_TEAM_ID", "acme");
    env.put("SAAS_LITELLM_VIRTUAL_KEY", "sk-fake-acme");
    env.put("HIVEOPS_BASE_URL", gateway.hiveOpsBaseUrl());
    env.put("HIVEOPS_API_KEY", "sk-fake-hive");
    Process process = builder.start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(exited, mainClass + " still running after 60 s:\n" + out);
    assertEquals(0, process.exitValue(), mainClass + " failed:\n" + out);
    return out;
  }
}
