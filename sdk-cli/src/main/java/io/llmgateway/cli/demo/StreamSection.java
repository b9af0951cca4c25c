package io.llmgateway.cli.demo;

import io.llmgateway.cli.console.Printer;
import io.llmgateway.cli.console.Result;
import io.llmgateway.error.StreamException;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.testing.fault.Fault;
import io.llmgateway.testing.fault.Latency;
import java.time.Duration;

/**
 * Demo part 2: a stream cut mid-way; the text that arrived is kept. The fake answers it on the real
 * clock, a token at a time, so the reader sees the text arrive before the cut and how long the
 * first words took: what streaming buys over a call that waits for the whole answer.
 */
final class StreamSection {
  static final String PROMPT = "Tell me a story about a gateway that kept working when told no";

  /** Short enough to keep the demo fast, slow enough to watch. */
  static final Latency PACE = Latency.of(Duration.ofMillis(150), Duration.ofMillis(60));

  private StreamSection() {}

  static Result run(DemoGateway gateway, Printer out, String command) {
    gateway.fake().faults().reset();
    gateway
        .fake()
        .faults()
        .on("POST", "/api/jobs/create-and-call-stream")
        .next(Fault.disconnectAfterEvents(6).withLatency(PACE));
    gateway.tally().reset();
    long start = System.nanoTime();
    long firstText = -1;
    out.line(
        "  (the fake answers this one on the real clock: "
            + PACE.timeToFirstByte().toMillis()
            + " ms to the first byte, "
            + PACE.perToken().toMillis()
            + " ms a token)");
    out.partial("  streaming: ");
    try (ChunkStream stream =
        gateway
            .saas()
            .createAndCallStream(
                JobSpec.of("story"), LlmCallRequest.builder("chat-fast").user(PROMPT).build())) {
      for (StreamChunk chunk : stream) {
        if (firstText < 0 && !chunk.textDelta().isEmpty()) {
          firstText = (System.nanoTime() - start) / 1_000_000;
        }
        out.partial(chunk.textDelta());
      }
      out.line("");
      return Result.ok(command, "saas-litellm")
          .put("section", "stream")
          .put("text", stream.result().text());
    } catch (StreamException e) {
      long cutAt = (System.nanoTime() - start) / 1_000_000;
      out.line("  <cut>");
      out.line(
          "  first words after "
              + firstText
              + " ms, cut after "
              + cutAt
              + " ms: the reader saw text from the first token on, where a non-stream call"
              + " shows nothing until the whole answer is there");
      out.line(
          "  connection dropped after "
              + e.chunksReceived()
              + " chunks; kept "
              + e.partialText().length()
              + " characters: \""
              + e.partialText()
              + "\" ("
              + io.llmgateway.cli.console.Result.kind(e)
              + ", not retried: the request reached the server)");
      return Result.failed(command, "saas-litellm", e)
          .put("section", "stream")
          .tally(gateway.tally())
          .latencyMs((System.nanoTime() - start) / 1_000_000)
          .put("partial_text", e.partialText())
          .put("chunks", (long) e.chunksReceived())
          .put("first_text_ms", firstText);
    } finally {
      gateway.fake().faults().reset();
    }
  }
}
