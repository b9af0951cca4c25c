package io.llmgateway.testing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The deterministic "model": it replies {@code Fake reply to: <last user message>} and counts one
 * token per whitespace-separated word (at least one per message), so token counts and costs are
 * reproducible from the request alone. {@code max_tokens} truncates the reply (finish "length").
 */
public record FakeCompletion(
    String content,
    List<String> pieces,
    long promptTokens,
    long completionTokens,
    boolean truncated) {

  public static final String PREFIX = "Fake reply to:";

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  public static FakeCompletion of(List<?> messages, @Nullable Long maxTokens) {
    long prompt = 0;
    String lastUser = "";
    for (Object message : messages) {
      String text = text(message);
      prompt += Math.max(1, words(text).size());
      if (message instanceof Map<?, ?> m && "user".equals(m.get("role"))) {
        lastUser = text;
      }
    }
    List<String> words = new ArrayList<>(words(PREFIX + " " + lastUser));
    boolean truncated = false;
    if (maxTokens != null && maxTokens > 0 && maxTokens < words.size()) {
      words = new ArrayList<>(words.subList(0, maxTokens.intValue()));
      truncated = true;
    }
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      pieces.add(i == 0 ? words.get(i) : " " + words.get(i));
    }
    return new FakeCompletion(
        String.join(" ", words), List.copyOf(pieces), Math.max(1, prompt), words.size(), truncated);
  }

  /** The text of a message's content: a string, or the text parts of a content array. */
  static String text(@Nullable Object message) {
    if (!(message instanceof Map<?, ?> m)) {
      return "";
    }
    Object content = m.get("content");
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof List<?> parts) {
      StringBuilder out = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof Map<?, ?> p && p.get("text") instanceof String t) {
          out.append(out.length() == 0 ? "" : " ").append(t);
        }
      }
      return out.toString();
    }
    return "";
  }

  static List<String> words(String text) {
    String trimmed = text.trim();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
  }
}
