package io.llmgateway.benchmarks.server;

import java.nio.charset.StandardCharsets;
import okio.Buffer;

/**
 * The fixed answers of the canned server, built once: an llm-call answer as the SaaS server sends
 * it, a 424-byte chat completion, and an OpenAI chunk stream of a given number of chunk events
 * ending in {@code data: [DONE]}.
 */
public final class CannedBodies {
  public static final String MODEL = "llama3:8b-instruct-q8_0";

  private static final String[] WORDS = {
    "The ",
    "keeper ",
    "of ",
    "the ",
    "lighthouse ",
    "counted ",
    "ships ",
    "at ",
    "night, ",
    "and ",
    "every ",
    "beam ",
    "of ",
    "light ",
    "swept ",
    "the ",
    "cold ",
    "grey ",
    "sea. "
  };

  private CannedBodies() {}

  /** {@code POST /api/jobs/{id}/llm-call} as the server answers it (spec: key "model"). */
  public static byte[] llmCall() {
    return ("{\"call_id\":\"5f0c2a7e-3b1d-4c8e-9a4f-2d6b7e8c9f01\","
            + "\"response\":{\"content\":\"The keeper of the lighthouse counted ships at night,"
            + " and every beam of light swept the cold grey sea until morning came and the last"
            + " trawler was safely in harbour.\",\"finish_reason\":\"stop\"},"
            + "\"metadata\":{\"tokens_used\":142,\"latency_ms\":812,\"model\":\"chat-fast\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A chat completion of exactly 424 bytes, the size of the anchors' measurements. */
  public static byte[] chatCompletion() {
    String head =
        "{\"id\":\"chatcmpl-8f3a2c1d9e7b4a60\",\"object\":\"chat.completion\","
            + "\"created\":1710892800,\"model\":\""
            + MODEL
            + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"";
    String tail =
        "\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":48,\"total_tokens\":60}}";
    StringBuilder content = new StringBuilder();
    for (int i = 0; head.length() + content.length() + tail.length() < 424; i++) {
      content.append(WORDS[i % WORDS.length]);
    }
    content.setLength(424 - head.length() - tail.length());
    return (head + content + tail).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * An OpenAI chunk stream of {@code events} chunk events (one role chunk, {@code events - 3} text
   * chunks, one finish chunk, one usage chunk), then {@code data: [DONE]}.
   */
  public static Stream stream(int events) {
    if (events < 4) {
      throw new IllegalArgumentException("a stream needs at least 4 chunk events");
    }
    String prefix =
        "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1710892800,\"model\":\""
            + MODEL
            + "\",\"choices\":[";
    Buffer body = new Buffer();
    body.writeUtf8(
        prefix
            + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < events - 3; i++) {
      String word = WORDS[i % WORDS.length];
      text.append(word);
      body.writeUtf8(prefix)
          .writeUtf8("{\"index\":0,\"delta\":{\"content\":\"")
          .writeUtf8(word)
          .writeUtf8("\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
    }
    body.writeUtf8(
        prefix + "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n");
    body.writeUtf8(
        "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1710892800,\"model\":\""
            + MODEL
            + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":"
            + (events - 3)
            + ",\"total_tokens\":"
            + (events + 9)
            + "}}\n\n");
    body.writeUtf8("data: [DONE]\n\n");
    return new Stream(body, events, text.toString());
  }

  /** A pre-built stream body, how many chunk events it holds, and the text they carry. */
  public record Stream(Buffer body, int events, String text) {}
}
