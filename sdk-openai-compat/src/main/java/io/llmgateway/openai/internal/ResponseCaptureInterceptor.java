package io.llmgateway.openai.internal;

import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.ratelimit.RateLimiter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads every response before the OpenAI SDK does: its rate-limit headers feed the shared throttle
 * (drop-in calls included), and an error body is kept (at most {@link
 * ErrorClassifier#BODY_READ_LIMIT} bytes) for our classifier, then handed on unchanged. A facade
 * call's error goes to its thread's {@link ResponseCapture}; a drop-in call's to {@link
 * DropInErrors}, with the response tagged so its exception can find it.
 */
public final class ResponseCaptureInterceptor implements Interceptor {
  private static final byte[] NO_BYTES = new byte[0];

  private final RateLimiter limiter;
  private final Clock clock;
  private final DropInErrors dropIns;

  public ResponseCaptureInterceptor(RateLimiter limiter, Clock clock, DropInErrors dropIns) {
    this.limiter = limiter;
    this.clock = clock;
    this.dropIns = dropIns;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    RateLimitSnapshot snapshot = null;
    try {
      Instant now = clock.instant();
      snapshot = RateLimitSnapshot.parse(response.headers(), now);
      limiter.observe(snapshot, now);
    } catch (RuntimeException e) {
      // Unreadable headers must never fail a call that succeeded.
    }
    ResponseCapture capture = ResponseCapture.current();
    ResponseBody body = response.body();
    if (response.isSuccessful() || body == null) {
      if (capture != null) {
        capture.record(response.code(), response.headers(), NO_BYTES, null, snapshot);
      }
      return response;
    }
    Buffer prefix = new Buffer();
    try (body) {
      BufferedSource source = body.source();
      while (prefix.size() < ErrorClassifier.BODY_READ_LIMIT) {
        if (source.read(prefix, ErrorClassifier.BODY_READ_LIMIT - prefix.size()) == -1) {
          break;
        }
      }
    } catch (IOException e) {
      // A cut error body still has a status worth classifying: keep what arrived.
    }
    byte[] bytes = prefix.readByteArray();
    MediaType type = body.contentType();
    @Nullable String typeText = type == null ? null : type.toString();
    Response.Builder out = response.newBuilder().body(ResponseBody.create(bytes, type));
    if (capture != null) {
      capture.record(response.code(), response.headers(), bytes, typeText, snapshot);
    } else {
      out.header(
          DropInErrors.HEADER, dropIns.keep(response.code(), response.headers(), bytes, typeText));
    }
    return out.build();
  }
}
