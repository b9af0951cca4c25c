package io.llmgateway.testing.fault;

import java.util.regex.Pattern;

/**
 * A path pattern: {@code *} matches within one segment, {@code **} across segments; everything else
 * is literal. The query string is never part of the match.
 */
final class PathGlob {
  private final String text;
  private final Pattern pattern;

  PathGlob(String glob) {
    this.text = glob;
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    this.pattern = Pattern.compile(regex.toString());
  }

  boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
