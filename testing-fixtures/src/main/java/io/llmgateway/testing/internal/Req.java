package io.llmgateway.testing.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/** The parts of a received request the personalities look at. */
public final class Req {
  public final String method;
  public final String path;
  public final String target;
  public final Map<String, List<String>> query;
  public final Headers headers;
  public final String body;

  /** Where the personality says what it answered, for the latency applied after it. */
  public final Timing timing;

  public Req(String method, String target, Headers headers, String body, Timing timing) {
    this.method = method;
    this.target = target;
    int q = target.indexOf('?');
    this.path = q < 0 ? target : target.substring(0, q);
    this.query = parseQuery(q < 0 ? "" : target.substring(q + 1));
    this.headers = headers;
    this.body = body;
    this.timing = timing;
  }

  public static Req from(RecordedRequest request, Timing timing) {
    String target = request.getPath() == null ? "/" : request.getPath();
    return new Req(
        String.valueOf(request.getMethod()),
        target,
        request.getHeaders(),
        request.getBody().clone().readUtf8(),
        timing);
  }

  public @Nullable String header(String name) {
    return headers.get(name);
  }

  public @Nullable String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
