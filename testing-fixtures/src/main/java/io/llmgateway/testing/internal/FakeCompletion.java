package io.llmgateway.testing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The deterministic "model": it replies {@code Fake reply to: <last user message>} (whitespace
 * collapsed) and counts tokens with {@link FakeTokenizer}, so token counts and costs are
 * reproducible from the request alone. A stop sequence cuts the reply before it (finish "stop"); a
 * token limit cuts it after that many tokens (finish "length"). A stream sends one token per chunk.
 */
public final class FakeCompletion {
  public static final String PREFIX = "Fake reply to:";

  private final String content;
  private final int[] ends;
  private final long promptTokens;
  private final boolean truncated;
  private @Nullable List<String> pieces;

  private FakeCompletion(String content, int[] ends, long promptTokens, boolean truncated) {
    this.content = content;
    this.ends = ends;
    this.promptTokens = promptTokens;
    this.truncated = truncated;
  }

  public static FakeCompletion of(List<?> messages, @Nullable Long maxTokens) {
    return of(messages, maxTokens, List.of());
  }

  /**
   * @param maxTokens the most completion tokens (null or below 1: no limit)
   * @param stops stop sequences; the reply ends before the first one it contains
   */
  public static FakeCompletion of(List<?> messages, @Nullable Long maxTokens, List<String> stops) {
    String lastUser = "";
    for (Object message : messages) {
      if (message instanceof Map<?, ?> m && "user".equals(m.get("role"))) {
        lastUser = text(message);
      }
    }
    String content = collapseWhitespace(PREFIX + " " + lastUser);
    int stopAt = content.length();
    for (String stop : stops) {
      int at = stop.isEmpty() ? -1 : content.indexOf(stop);
      if (at >= 0 && at < stopAt) {
        stopAt = at;
      }
    }
    content = content.substring(0, stopAt);
    int[] ends = FakeTokenizer.ends(content);
    boolean truncated = false;
    if (maxTokens != null && maxTokens > 0 && maxTokens < ends.length) {
      ends = Arrays.copyOf(ends, maxTokens.intValue());
      content = content.substring(0, ends[ends.length - 1]);
      truncated = true;
    }
    return new FakeCompletion(content, ends, FakeTokenizer.promptTokens(messages), truncated);
  }

  public String content() {
    return content;
  }

  /**
   * The reply cut into its tokens, spaces attached to the token after them: one stream chunk each.
   */
  public List<String> pieces() {
    if (pieces == null) {
      List<String> out = new ArrayList<>(ends.length);
      int start = 0;
      for (int end : ends) {
        out.add(content.substring(start, end));
        start = end;
      }
      pieces = List.copyOf(out);
    }
    return pieces;
  }

  public long promptTokens() {
    return promptTokens;
  }

  public long completionTokens() {
    return ends.length;
  }

  public long totalTokens() {
    return promptTokens + ends.length;
  }

  /** Whether the token limit cut the reply (finish "length"). */
  public boolean truncated() {
    return truncated;
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

  /** Trims and turns every run of whitespace into one space, without a regex. */
  private static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
