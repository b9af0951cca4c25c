package io.llmgateway.internal.http;

import io.llmgateway.internal.call.CallContext;
import io.llmgateway.logging.CallLogger;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs the headers each attempt sent and received at DEBUG through a {@link CallLogger}, values
 * filtered by its allow-list (so {@code Authorization} shows as {@code REDACTED}). A network
 * interceptor: it sees the headers as they went on the wire, key included, and one line per
 * attempt. With DEBUG off it costs a level check.
 */
public final class HeaderLoggingInterceptor implements Interceptor {
  private final CallLogger logger;

  public HeaderLoggingInterceptor(CallLogger logger) {
    this.logger = Objects.requireNonNull(logger, "logger");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!logger.isDebugEnabled()) {
      return chain.proceed(request);
    }
    String id = request.header(CallContext.REQUEST_ID_HEADER);
    String requestId = id != null ? id : "-";
    logger.logHeaders(
        requestId, request.method() + " " + request.url().encodedPath(), request.headers());
    Response response = chain.proceed(request);
    logger.logHeaders(requestId, "response " + response.code(), response.headers());
    return response;
  }
}
