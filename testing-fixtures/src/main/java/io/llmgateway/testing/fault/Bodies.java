package io.llmgateway.testing.fault;

import io.llmgateway.testing.internal.wire.ErrorBodies;
import io.llmgateway.testing.internal.wire.Responses;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** The bodies faults send of their own. */
final class Bodies {
  private Bodies() {}

  static MockResponse json(int status, String body) {
    return Responses.text(status, Responses.JSON, body);
  }

  static MockResponse detail(int status, String detail) {
    return Responses.json(status, Map.of("detail", detail));
  }

  static MockResponse openAiError(
      int status, String message, String type, @Nullable String param, @Nullable String code) {
    return Responses.json(status, ErrorBodies.openAi(message, type, param, code));
  }

  static MockResponse generic(FaultContext.Dialect dialect, int status) {
    String reason = reason(status);
    if (dialect == FaultContext.Dialect.SAAS) {
      return detail(status, saasGuideText(status, reason));
    }
    String type = status >= 500 ? "server_error" : "invalid_request_error";
    return openAiError(status, reason, type, null, null);
  }

  /**
   * The SaaS guide's own text where the guide gives a generic one (its error-body list); its 403
   * and 404 texts name a cause (credits, a job), which a generic fault must not imply.
   */
  private static String saasGuideText(int status, String reason) {
    switch (status) {
      case 401:
        return "Invalid or missing API key";
      case 429:
        return "Rate limit exceeded";
      case 500:
        return "Internal server error";
      default:
        return reason;
    }
  }

  /** nginx's built-in error page: CRLF line ends, {@code Server: nginx}. */
  static MockResponse nginx(int status, String reason) {
    String title = status + " " + reason;
    String page =
        "<html>\r\n<head><title>"
            + title
            + "</title></head>\r\n<body>\r\n<center><h1>"
            + title
            + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    return Responses.text(status, "text/html", page).setHeader("Server", "nginx");
  }

  static MockResponse huge(int status, int megabytes) {
    Buffer body = new Buffer().writeUtf8("{\"detail\":\"");
    String block = "x".repeat(1024);
    for (int i = 0; i < megabytes * 1024; i++) {
      body.writeUtf8(block);
    }
    body.writeUtf8("\"}");
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", Responses.JSON)
        .setBody(body);
  }

  static String reason(int status) {
    switch (status) {
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 408:
        return "Request Timeout";
      case 409:
        return "Conflict";
      case 422:
        return "Unprocessable Entity";
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return "HTTP " + status;
    }
  }
}
