package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.FakeCompletion;
import io.llmgateway.testing.internal.OpenAiChunks;
import io.llmgateway.testing.internal.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The chunk payloads a provider streams, which the real server forwards byte for byte: OpenAI
 * {@code chat.completion.chunk}s, Anthropic's native events, Gemini's native candidates.
 */
final class StreamChunks {
  private StreamChunks() {}

  /** The {@code data:} payloads (without framing) for one completion from one provider. */
  static List<String> payloads(
      String provider,
      String id,
      long created,
      String model,
      FakeCompletion completion,
      String finishReason,
      boolean usageChunk) {
    switch (provider) {
      case "anthropic":
        return anthropic(id, model, completion, finishReason);
      case "gemini":
        return gemini(model, completion);
      default:
        return openAi(id, created, model, completion, finishReason, usageChunk);
    }
  }

  static List<String> openAi(
      String id,
      long created,
      String model,
      FakeCompletion completion,
      String finishReason,
      boolean usageChunk) {
    return OpenAiChunks.payloads(id, created, model, completion, finishReason, usageChunk, false);
  }

  static List<String> anthropic(
      String id, String model, FakeCompletion completion, String stopReason) {
    List<String> out = new ArrayList<>();
    Map<String, @Nullable Object> message = new LinkedHashMap<>();
    message.put("id", "msg_fake_" + id.substring(id.lastIndexOf('-') + 1));
    message.put("type", "message");
    message.put("role", "assistant");
    message.put("model", model);
    message.put("content", List.of());
    message.put("stop_reason", null);
    message.put("stop_sequence", null);
    message.put("usage", map("input_tokens", completion.promptTokens(), "output_tokens", 1));
    out.add(Json.write(map("type", "message_start", "message", message)));
    out.add(
        Json.write(
            map(
                "type",
                "content_block_start",
                "index",
                0,
                "content_block",
                map("type", "text", "text", ""))));
    out.add("{\"type\": \"ping\"}"); // Anthropic's ping is written with a space, as here
    for (String piece : completion.pieces()) {
      out.add(
          Json.write(
              map(
                  "type",
                  "content_block_delta",
                  "index",
                  0,
                  "delta",
                  map("type", "text_delta", "text", piece))));
    }
    out.add(Json.write(map("type", "content_block_stop", "index", 0)));
    Map<String, @Nullable Object> delta = new LinkedHashMap<>();
    delta.put("stop_reason", stopReason);
    delta.put("stop_sequence", null);
    out.add(
        Json.write(
            map(
                "type",
                "message_delta",
                "delta",
                delta,
                "usage",
                map("output_tokens", completion.completionTokens()))));
    out.add(Json.write(map("type", "message_stop")));
    return out;
  }

  static List<String> gemini(String model, FakeCompletion completion) {
    List<String> out = new ArrayList<>();
    List<String> pieces = completion.pieces();
    for (int i = 0; i < pieces.size(); i++) {
      boolean last = i == pieces.size() - 1;
      Map<String, Object> candidate = new LinkedHashMap<>();
      candidate.put("content", map("parts", List.of(map("text", pieces.get(i))), "role", "model"));
      if (last) {
        candidate.put("finishReason", completion.truncated() ? "MAX_TOKENS" : "STOP");
      }
      candidate.put("index", 0);
      Map<String, Object> usage = new LinkedHashMap<>();
      usage.put("promptTokenCount", completion.promptTokens());
      usage.put("candidatesTokenCount", i + 1);
      usage.put("totalTokenCount", completion.promptTokens() + i + 1);
      Map<String, Object> chunk = new LinkedHashMap<>();
      chunk.put("candidates", List.of(candidate));
      chunk.put("usageMetadata", usage);
      chunk.put("modelVersion", model);
      out.add(Json.write(chunk));
    }
    return out;
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
