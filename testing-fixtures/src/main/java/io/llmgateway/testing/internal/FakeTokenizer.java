package io.llmgateway.testing.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A cheap, deterministic stand-in for OpenAI's tokenizer (cl100k/o200k), so usage numbers look like
 * a real gateway's without shipping a vocabulary. One pass over the text, no regex:
 *
 * <ul>
 *   <li>a run of letters is one token per started 6 letters, as BPE keeps common words whole and
 *       splits long ones ({@code The quick brown fox jumps over the lazy dog.} is 10 tokens, as in
 *       cl100k);
 *   <li>a run of digits is one token per started 3 digits, as cl100k and o200k split numbers;
 *   <li>an ideograph, and every other visible character (punctuation, symbols, emoji), is one
 *       token;
 *   <li>a run of line breaks is one token; spaces belong to the token after them ({@code " word"});
 *       trailing spaces are one token.
 * </ul>
 *
 * English prose comes out near OpenAI's rule of thumb of about 4 characters, or 3/4 of a word, per
 * token. A chat prompt adds OpenAI's documented framing: 3 tokens per message plus 1 for its role
 * (and 1 plus the name when a message has one), and 3 to prime the reply.
 */
public final class FakeTokenizer {
  /** Tokens OpenAI adds per message ({@code <|start|>role<|message|>...<|end|>}), role excluded. */
  static final int PER_MESSAGE = 3;

  /** Tokens that prime the assistant's reply. */
  static final int REPLY_PRIMING = 3;

  private static final int LETTERS_PER_TOKEN = 6;
  private static final int DIGITS_PER_TOKEN = 3;

  private FakeTokenizer() {}

  /** How many tokens {@code text} is. */
  public static int count(String text) {
    return scan(text, null);
  }

  /** The end offset of every token of {@code text}, in order; the last one is its length. */
  public static int[] ends(String text) {
    IntList ends = new IntList(text.length() / 4 + 2);
    scan(text, ends);
    return ends.toArray();
  }

  /** The prompt tokens of a chat request's {@code messages}, with OpenAI's per-message framing. */
  public static long promptTokens(List<?> messages) {
    long total = REPLY_PRIMING;
    for (Object message : messages) {
      total += PER_MESSAGE + 1 + count(FakeCompletion.text(message));
      if (message instanceof Map<?, ?> m && m.get("name") instanceof String name) {
        total += 1 + count(name);
      }
    }
    return total;
  }

  private static int scan(String text, @Nullable IntList ends) {
    int n = text.length();
    int i = 0;
    int count = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      if (i == n) {
        count++; // trailing spaces
        record(ends, n);
        break;
      }
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        while (i < n && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
          i++;
        }
        count++;
        record(ends, i);
        continue;
      }
      int cp = text.codePointAt(i);
      int per = isWordLetter(cp) ? LETTERS_PER_TOKEN : Character.isDigit(cp) ? DIGITS_PER_TOKEN : 0;
      if (per == 0) {
        i += Character.charCount(cp);
        count++;
        record(ends, i);
        continue;
      }
      boolean letters = per == LETTERS_PER_TOKEN;
      int inToken = 0;
      while (i < n) {
        int next = text.codePointAt(i);
        if (letters ? !isWordLetter(next) : !Character.isDigit(next)) {
          break;
        }
        i += Character.charCount(next);
        if (++inToken == per) {
          count++;
          record(ends, i);
          inToken = 0;
        }
      }
      if (inToken > 0) {
        count++;
        record(ends, i);
      }
    }
    return count;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00a0' || c == '\f';
  }

  private static boolean isWordLetter(int cp) {
    return Character.isLetter(cp) && !Character.isIdeographic(cp);
  }

  private static void record(@Nullable IntList ends, int end) {
    if (ends != null) {
      ends.add(end);
    }
  }

  /** A growable int array: token ends without boxing. */
  private static final class IntList {
    private int[] values;
    private int size;

    IntList(int capacity) {
      values = new int[Math.max(4, capacity)];
    }

    void add(int value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
