package io.llmgateway.examples;

// region saas-stream
import io.llmgateway.error.StreamInterruptedException;
import io.llmgateway.jobs.JobSpec;
import io.llmgateway.jobs.LlmCallRequest;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;

// endregion

/** A streamed call that keeps what arrived when the stream is cut. */
public final class StreamQuickstart {
  private StreamQuickstart() {}

  public static void main(String[] args) {
    // region saas-stream
    LlmCallRequest request = LlmCallRequest.builder("chat-fast").user("Tell me a story").build();
    try (SaasLiteLlmClient client =
            SaasLiteLlmClient.builder()
                .baseUrl(System.getenv("SAAS_LITELLM_BASE_URL"))
                .teamId(System.getenv("SAAS_LITELLM_TEAM_ID"))
                .build();
        ChunkStream stream = client.createAndCallStream(JobSpec.of("chat"), request)) {
      for (StreamChunk chunk : stream) {
        System.out.print(chunk.textDelta());
      }
    } catch (StreamInterruptedException e) {
      System.out.println("cut, kept: " + e.partialText()); // every chunk's text that arrived
    }
    // endregion
  }
}
