package io.llmgateway.openai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The rules every chat request body follows, facade and drop-in alike: the model name mapped, the
 * {@code max_tokens} guard applied, and a stream asked for its usage chunk. The facade writes its
 * bodies here from the OpenAI SDK's params (serialised as the SDK does); the drop-in client's
 * bodies are rewritten with the same {@link #apply} on the wire.
 */
public final class ChatBodies {
  private final UnaryOperator<String> mapping;
  private final @Nullable Function<@Nullable Long, Long> maxTokens;
  private final ObjectMapper json = ObjectMappers.jsonMapper();

  /**
   * @param mapping the gateway model id for a requested model
   * @param maxTokens the {@code max_tokens} to send for a requested one (null: none asked), 0 to
   *     send none; null when the guard is off
   */
  public ChatBodies(
      UnaryOperator<String> mapping, @Nullable Function<@Nullable Long, Long> maxTokens) {
    this.mapping = mapping;
    this.maxTokens = maxTokens;
  }

  /** The wire body of a facade chat request, {@code stream: true} for a stream. */
  public byte[] write(ChatCompletionCreateParams params, boolean stream) {
    ObjectNode body = json.valueToTree(params._body());
    if (stream) {
      body.put("stream", true);
    }
    apply(body);
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree the mapper just built always writes
    }
  }

  /** The gateway model id a request for {@code model} goes to. */
  public String map(String model) {
    return mapping.apply(model);
  }

  /** Applies the rules to a request body; true when it changed. */
  public boolean apply(ObjectNode o) {
    boolean changed = false;
    JsonNode model = o.get("model");
    if (model != null && model.isTextual()) {
      String mapped = mapping.apply(model.asText());
      if (!mapped.equals(model.asText())) {
        o.put("model", mapped);
        changed = true;
      }
    }
    changed |= guardMaxTokens(o);
    if (o.path("stream").asBoolean(false) && !o.has("stream_options")) {
      o.putObject("stream_options").put("include_usage", true);
      changed = true;
    }
    return changed;
  }

  /** Applies the guard; true when the body changed. */
  private boolean guardMaxTokens(ObjectNode o) {
    if (maxTokens == null) {
      return false;
    }
    JsonNode before = o.get("max_tokens");
    Long requested = number(before);
    Long completion = number(o.get("max_completion_tokens"));
    boolean changed = false;
    if (completion != null && maxTokens.apply(completion).longValue() != completion) {
      o.put("max_completion_tokens", maxTokens.apply(completion));
      changed = true;
    }
    if (requested == null && completion != null) {
      requested = completion; // HiveOps documents max_tokens only: send the caller's limit there
    }
    long value = maxTokens.apply(requested);
    if (value > 0 && !(before != null && before.isIntegralNumber() && before.asLong() == value)) {
      o.put("max_tokens", value);
      changed = true;
    }
    return changed;
  }

  private static @Nullable Long number(@Nullable JsonNode node) {
    return node != null && node.canConvertToLong() && node.isNumber() ? node.asLong() : null;
  }
}
