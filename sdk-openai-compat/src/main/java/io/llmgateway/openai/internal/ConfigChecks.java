package io.llmgateway.openai.internal;

import io.llmgateway.internal.Cleartext;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Misconfiguration caught at build time. Messages never contain the key: they say what is wrong
 * with it, not what it is.
 */
public final class ConfigChecks {
  private ConfigChecks() {}

  /**
   * The base URL with the path prefix, checked for scheme, host and OpenAI's own endpoints: HiveOps
   * keys look like OpenAI keys ({@code sk-...}), so a base URL copied from OpenAI code would hand
   * the HiveOps key to a third party. {@code allowOpenAiHost} is the caller saying they mean it.
   */
  public static HttpUrl baseUrl(
      String baseUrl, String pathPrefix, boolean allowInsecureHttp, boolean allowOpenAiHost) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException("base URL is not an http(s) URL: " + baseUrl);
    }
    String host = url.host().toLowerCase(Locale.ROOT);
    if (!allowOpenAiHost && (host.equals("openai.com") || host.endsWith(".openai.com"))) {
      throw new IllegalStateException(
          "base URL points at OpenAI ("
              + host
              + ") but this client sends a HiveOps key: set baseUrl(\"https://ai.hiveops.io\"),"
              + " or allowOpenAiHost(true) if the key really is an OpenAI key");
    }
    Cleartext.check(url, allowInsecureHttp);
    String prefix = normalizePrefix(pathPrefix);
    String path = url.encodedPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return url.newBuilder().encodedPath(path + prefix + "/").build();
  }

  static String normalizePrefix(String prefix) {
    String p = prefix.trim();
    if (p.isEmpty() || p.equals("/")) {
      return "";
    }
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** The key, checked for the {@code sk-} prefix the guide requires. */
  public static String apiKey(String key) {
    if (key.isEmpty()) {
      throw new IllegalStateException(
          "HiveOps API key is empty: set apiKey(...) or HIVEOPS_API_KEY");
    }
    if (!key.startsWith("sk-")) {
      throw new IllegalArgumentException(
          "malformed HiveOps API key: it must start with \"sk-\" (check HIVEOPS_API_KEY or"
              + " apiKey(...); the value is not shown)");
    }
    if (key.length() < 8 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "malformed HiveOps API key: too short or contains whitespace or non-ASCII characters"
              + " (the value is not shown)");
    }
    return key;
  }
}
