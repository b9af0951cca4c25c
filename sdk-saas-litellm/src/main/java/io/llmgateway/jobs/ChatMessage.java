package io.llmgateway.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One chat message. Roles are open text ({@code system}, {@code user}, {@code assistant}, ...). */
public final class ChatMessage {
  private final String role;
  private final @Nullable String content;

  private ChatMessage(String role, @Nullable String content) {
    if (role.isEmpty()) {
      throw new IllegalArgumentException("role must not be empty");
    }
    this.role = role;
    this.content = content;
  }

  public static ChatMessage of(String role, @Nullable String content) {
    return new ChatMessage(role, content);
  }

  public static ChatMessage system(String content) {
    return new ChatMessage("system", content);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", content);
  }

  public static ChatMessage assistant(String content) {
    return new ChatMessage("assistant", content);
  }

  public String role() {
    return role;
  }

  public @Nullable String content() {
    return content;
  }

  Map<String, Object> toWire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("role", role);
    wire.put("content", content);
    return wire;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ChatMessage
        && ((ChatMessage) o).role.equals(role)
        && Objects.equals(((ChatMessage) o).content, content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, content);
  }

  @Override
  public String toString() {
    return role + ": " + (content == null ? "null" : content.length() + " chars");
  }
}
