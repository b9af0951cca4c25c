package io.llmgateway.cli.demo;

import io.llmgateway.cli.Printer;
import io.llmgateway.cli.Result;
import io.llmgateway.error.StreamException;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.testing.fault.Fault;

/** Demo part 2: a stream cut mid-way; the text that arrived is kept. */
final class StreamSection {
  static final String PROMPT = "Tell me a story about a gateway that kept working when told no";

  private StreamSection() {}

  static Result run(DemoGateway gateway, Printer out, String command) {
    gateway.fake().faults().reset();
    gateway
        .fake()
        .faults()
        .on("POST", "/api/jobs/create-and-call-stream")
        .next(Fault.disconnectAfterEvents(6));
    gateway.tally().reset();
    long start = System.nanoTime();
    out.partial("  streaming: ");
    try (ChunkStream stream =
        gateway
            .saas()
            .createAndCallStream(
                JobSpec.of("story"), LlmCallRequest.builder("chat-fast").user(PROMPT).build())) {
      for (StreamChunk chunk : stream) {
        out.partial(chunk.textDelta());
      }
      out.line("");
      return Result.ok(command, "saas-litellm")
          .put("section", "stream")
          .put("text", stream.result().text());
    } catch (StreamException e) {
      out.line("  <cut>");
      out.line(
          "  connection dropped after "
              + e.chunksReceived()
              + " chunks; kept "
              + e.partialText().length()
              + " characters: \""
              + e.partialText()
              + "\" ("
              + io.llmgateway.cli.Result.kind(e)
              + ", not retried: the request reached the server)");
      return Result.failed(command, "saas-litellm", e)
          .put("section", "stream")
          .tally(gateway.tally())
          .latencyMs((System.nanoTime() - start) / 1_000_000)
          .put("partial_text", e.partialText())
          .put("chunks", (long) e.chunksReceived());
    } finally {
      gateway.fake().faults().reset();
    }
  }
}
