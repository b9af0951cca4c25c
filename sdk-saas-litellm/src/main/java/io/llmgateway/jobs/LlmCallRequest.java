package io.llmgateway.jobs;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One LLM call: the model alias, the messages and the sampling options. Sends {@code model} (the
 * field the server reads, not the docs' {@code model_group}) and {@code stop} as a list. Immutable;
 * build with {@link #builder(String)}.
 */
public final class LlmCallRequest {
  private final String model;
  private final List<ChatMessage> messages;
  private final Map<String, Object> options;
  private final @Nullable Map<String, Object> callMetadata;

  private LlmCallRequest(Builder b) {
    this.model = b.model;
    this.messages = List.copyOf(b.messages);
    this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
    this.callMetadata = b.callMetadata == null ? null : Map.copyOf(b.callMetadata);
  }

  /** A request for {@code model}, a model alias of the team. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  public String model() {
    return model;
  }

  public List<ChatMessage> messages() {
    return messages;
  }

  /** The {@code purpose} label, if set. */
  public @Nullable String purpose() {
    Object purpose = options.get("purpose");
    return purpose instanceof String ? (String) purpose : null;
  }

  /** The request's size in characters of message text, for the throttle's token estimate. */
  public long textLength() {
    long length = 0;
    for (ChatMessage message : messages) {
      length += message.content() == null ? 0 : message.content().length();
    }
    return length;
  }

  /** The wire body; {@code call_metadata} is only for plain llm-call. */
  Map<String, Object> toWire(boolean withCallMetadata) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("model", model);
    List<Map<String, Object>> wireMessages = new ArrayList<>(messages.size());
    for (ChatMessage message : messages) {
      wireMessages.add(message.toWire());
    }
    wire.put("messages", wireMessages);
    wire.putAll(options);
    if (withCallMetadata && callMetadata != null) {
      wire.put("call_metadata", callMetadata);
    }
    return wire;
  }

  /** Writes {@link #toWire} as JSON without building the map: the same fields, the same order. */
  void writeJson(JsonWriter w, boolean withCallMetadata) throws IOException {
    w.beginObject();
    w.name("model").value(model);
    w.name("messages").beginArray();
    for (ChatMessage message : messages) {
      w.beginObject();
      w.name("role").value(message.role());
      w.name("content").value(message.content()); // null: left out, as in the map
      w.endObject();
    }
    w.endArray();
    for (Map.Entry<String, Object> option : options.entrySet()) {
      w.name(option.getKey());
      JsonBodies.value(w, option.getValue());
    }
    if (withCallMetadata && callMetadata != null) {
      w.name("call_metadata");
      JsonBodies.value(w, callMetadata);
    }
    w.endObject();
  }

  @Override
  public String toString() {
    return "LlmCallRequest{model=" + model + ", messages=" + messages.size() + "}";
  }

  /** Builds an {@link LlmCallRequest}; {@link #build()} checks the model and messages. */
  public static final class Builder {
    private final String model;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final Map<String, Object> options = new LinkedHashMap<>();
    private @Nullable Map<String, Object> callMetadata;

    private Builder(String model) {
      this.model = model;
    }

    public Builder message(ChatMessage message) {
      messages.add(message);
      return this;
    }

    public Builder messages(List<ChatMessage> messages) {
      this.messages.addAll(messages);
      return this;
    }

    public Builder system(String content) {
      return message(ChatMessage.system(content));
    }

    public Builder user(String content) {
      return message(ChatMessage.user(content));
    }

    /** A label stored with the call (at most 200 characters on the server). */
    public Builder purpose(String purpose) {
      if (purpose.length() > 200) {
        throw new IllegalArgumentException("purpose must be at most 200 characters");
      }
      return option("purpose", purpose);
    }

    public Builder temperature(double temperature) {
      return option("temperature", temperature);
    }

    public Builder maxTokens(int maxTokens) {
      if (maxTokens <= 0) {
        throw new IllegalArgumentException("max tokens must be positive");
      }
      return option("max_tokens", maxTokens);
    }

    public Builder topP(double topP) {
      return option("top_p", topP);
    }

    public Builder frequencyPenalty(double penalty) {
      return option("frequency_penalty", penalty);
    }

    public Builder presencePenalty(double penalty) {
      return option("presence_penalty", penalty);
    }

    /** Stop sequences; always sent as a list (the server rejects a bare string). */
    public Builder stop(String... sequences) {
      return option("stop", List.copyOf(Arrays.asList(sequences)));
    }

    public Builder responseFormat(Map<String, Object> responseFormat) {
      return option("response_format", Map.copyOf(responseFormat));
    }

    public Builder tools(List<Map<String, Object>> tools) {
      return option("tools", List.copyOf(tools));
    }

    public Builder toolChoice(Object toolChoice) {
      return option("tool_choice", toolChoice);
    }

    /** Merged into the job's metadata after a successful plain llm-call. */
    public Builder callMetadata(Map<String, Object> metadata) {
      this.callMetadata = metadata;
      return this;
    }

    private Builder option(String name, Object value) {
      options.put(name, value);
      return this;
    }

    public LlmCallRequest build() {
      if (model.isEmpty()) {
        throw new IllegalArgumentException("model must not be empty");
      }
      if (messages.isEmpty()) {
        throw new IllegalArgumentException("at least one message is required");
      }
      return new LlmCallRequest(this);
    }
  }
}
