package io.llmgateway.testing.internal;

import io.llmgateway.testing.internal.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI {@code chat.completion.chunk} payloads for one completion: a role chunk, one chunk per
 * word, a finish chunk, and optionally the {@code stream_options.include_usage} usage chunk (then
 * every chunk carries {@code "usage":null}, as OpenAI's do).
 */
public final class OpenAiChunks {
  /** The {@code system_fingerprint} of every fake answer. */
  public static final String FINGERPRINT = "fp_fake";

  private OpenAiChunks() {}

  public static List<String> payloads(
      String id,
      long created,
      String model,
      FakeCompletion completion,
      String finishReason,
      boolean usageChunk,
      boolean usageNullOnEachChunk) {
    List<String> out = new ArrayList<>();
    Map<String, @Nullable Object> first = new LinkedHashMap<>();
    first.put("role", "assistant");
    first.put("content", "");
    first.put("refusal", null);
    out.add(chunk(id, created, model, first, null, usageNullOnEachChunk));
    for (String piece : completion.pieces()) {
      out.add(chunk(id, created, model, Map.of("content", piece), null, usageNullOnEachChunk));
    }
    out.add(chunk(id, created, model, Map.of(), finishReason, usageNullOnEachChunk));
    if (usageChunk) {
      Map<String, @Nullable Object> chunk = head(id, created, model);
      chunk.put("choices", List.of());
      chunk.put("usage", usage(completion));
      out.add(Json.write(chunk));
    }
    return out;
  }

  /** OpenAI's usage object, with the detail objects its current models send (all zero here). */
  public static Map<String, Object> usage(FakeCompletion completion) {
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("prompt_tokens", completion.promptTokens());
    usage.put("completion_tokens", completion.completionTokens());
    usage.put("total_tokens", completion.totalTokens());
    Map<String, Object> prompt = new LinkedHashMap<>();
    prompt.put("cached_tokens", 0);
    prompt.put("audio_tokens", 0);
    usage.put("prompt_tokens_details", prompt);
    Map<String, Object> completionDetails = new LinkedHashMap<>();
    completionDetails.put("reasoning_tokens", 0);
    completionDetails.put("audio_tokens", 0);
    completionDetails.put("accepted_prediction_tokens", 0);
    completionDetails.put("rejected_prediction_tokens", 0);
    usage.put("completion_tokens_details", completionDetails);
    return usage;
  }

  private static Map<String, @Nullable Object> head(String id, long created, String model) {
    Map<String, @Nullable Object> chunk = new LinkedHashMap<>();
    chunk.put("id", id);
    chunk.put("object", "chat.completion.chunk");
    chunk.put("created", created);
    chunk.put("model", model);
    chunk.put("system_fingerprint", FINGERPRINT);
    return chunk;
  }

  private static String chunk(
      String id,
      long created,
      String model,
      Map<String, ? extends @Nullable Object> delta,
      @Nullable String finish,
      boolean usageNull) {
    Map<String, @Nullable Object> chunk = head(id, created, model);
    Map<String, @Nullable Object> choice = new LinkedHashMap<>();
    choice.put("index", 0);
    choice.put("delta", delta);
    choice.put("logprobs", null);
    choice.put("finish_reason", finish);
    chunk.put("choices", List.of(choice));
    if (usageNull) {
      chunk.put("usage", null);
    }
    return Json.write(chunk);
  }
}
