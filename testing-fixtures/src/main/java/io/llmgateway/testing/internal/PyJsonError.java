package io.llmgateway.testing.internal;

import org.jspecify.annotations.Nullable;

/**
 * Finds where and why Python's {@code json.loads} would reject a text, so the fake's 422 for
 * malformed JSON carries the same {@code loc} position and message as the real FastAPI server.
 */
public final class PyJsonError {
  public final int pos;
  public final String msg;

  private PyJsonError(int pos, String msg) {
    this.pos = pos;
    this.msg = msg;
  }

  /** The first error in {@code text}, or null when Python would accept it. */
  public static @Nullable PyJsonError find(String text) {
    try {
      Scanner scanner = new Scanner(text);
      int end = scanner.value(scanner.skip(0));
      end = scanner.skip(end);
      if (end != text.length()) {
        return new PyJsonError(end, "Extra data");
      }
      return null;
    } catch (Fail fail) {
      return new PyJsonError(fail.pos, fail.msg);
    }
  }

  /** Line (1-based) of a position, as Python reports it. */
  public static int line(String text, int pos) {
    int line = 1;
    for (int i = 0; i < pos && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Column (1-based) of a position, as Python reports it. */
  public static int column(String text, int pos) {
    int lastNewline = text.lastIndexOf('\n', Math.max(0, pos - 1));
    return pos - lastNewline;
  }

  private static final class Fail extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int pos;
    final String msg;

    Fail(int pos, String msg) {
      super(msg, null, false, false);
      this.pos = pos;
      this.msg = msg;
    }
  }

  private static final class Scanner {
    private final String s;

    Scanner(String s) {
      this.s = s;
    }

    int skip(int i) {
      while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      return i;
    }

    int value(int i) {
      if (i >= s.length()) {
        throw new Fail(i, "Expecting value");
      }
      char c = s.charAt(i);
      if (c == '{') {
        return object(i + 1);
      }
      if (c == '[') {
        return array(i + 1);
      }
      if (c == '"') {
        return string(i + 1, i);
      }
      for (String word : new String[] {"null", "true", "false", "NaN", "Infinity", "-Infinity"}) {
        if (s.startsWith(word, i)) {
          return i + word.length();
        }
      }
      int j = i;
      if (j < s.length() && s.charAt(j) == '-') {
        j++;
      }
      int digits = j;
      while (j < s.length() && Character.isDigit(s.charAt(j))) {
        j++;
      }
      if (j == digits) {
        throw new Fail(i, "Expecting value");
      }
      if (j + 1 < s.length() && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1))) {
        j += 2;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
      }
      return j;
    }

    int string(int i, int start) {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '"') {
          return i + 1;
        }
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c < 0x20) {
          throw new Fail(i, "Invalid control character at");
        }
        i++;
      }
      throw new Fail(start, "Unterminated string starting at");
    }

    int object(int i) {
      i = skip(i);
      if (i < s.length() && s.charAt(i) == '}') {
        return i + 1;
      }
      while (true) {
        if (i >= s.length() || s.charAt(i) != '"') {
          throw new Fail(i, "Expecting property name enclosed in double quotes");
        }
        i = skip(string(i + 1, i));
        if (i >= s.length() || s.charAt(i) != ':') {
          throw new Fail(i, "Expecting ':' delimiter");
        }
        i = skip(value(skip(i + 1)));
        if (i < s.length() && s.charAt(i) == '}') {
          return i + 1;
        }
        if (i >= s.length() || s.charAt(i) != ',') {
          throw new Fail(i, "Expecting ',' delimiter");
        }
        i = skip(i + 1);
      }
    }

    int array(int i) {
      i = skip(i);
      if (i < s.length() && s.charAt(i) == ']') {
        return i + 1;
      }
      while (true) {
        i = skip(value(i));
        if (i < s.length() && s.charAt(i) == ']') {
          return i + 1;
        }
        if (i >= s.length() || s.charAt(i) != ',') {
          throw new Fail(i, "Expecting ',' delimiter");
        }
        i = skip(i + 1);
      }
    }
  }
}
