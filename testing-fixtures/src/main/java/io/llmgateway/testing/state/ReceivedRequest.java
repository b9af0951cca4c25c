package io.llmgateway.testing.state;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as the gateway received it. Header names are lowercase; {@code target} is the path with
 * its query string.
 */
public record ReceivedRequest(
    String method,
    String path,
    String target,
    Map<String, List<String>> headers,
    String body,
    Instant receivedAt) {

  public ReceivedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, case-insensitively, or null. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
