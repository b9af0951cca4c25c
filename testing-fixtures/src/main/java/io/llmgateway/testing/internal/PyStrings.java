package io.llmgateway.testing.internal;

/**
 * Python's {@code json.dumps} for a string (default {@code ensure_ascii=True}). The real server
 * writes stream error events with {@code json.dumps}, whose bytes differ from compact JSON.
 */
public final class PyStrings {
  private PyStrings() {}

  public static String dumps(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  /** {@code json.dumps({"error": text})}: note the space after the colon. */
  public static String errorEvent(String text) {
    return "{\"error\": " + dumps(text) + "}";
  }
}
