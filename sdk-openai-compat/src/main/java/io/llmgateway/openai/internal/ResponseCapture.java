package io.llmgateway.openai.internal;

import io.llmgateway.ratelimit.RateLimitSnapshot;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * What the wire said for one attempt of the facade: the last response's status and headers, and an
 * error body's first bytes (the OpenAI SDK drops bodies that are not JSON). Filled by {@link
 * ResponseCaptureInterceptor} on the calling thread; {@link DropInErrors} keeps detached ones for
 * drop-in calls.
 */
public final class ResponseCapture implements AutoCloseable {
  private static final ThreadLocal<@Nullable ResponseCapture> CURRENT = new ThreadLocal<>();

  private int status;
  private Headers headers = Headers.of();
  private byte[] errorBody = new byte[0];
  private @Nullable String contentType;
  private @Nullable RateLimitSnapshot rateLimit;
  private volatile boolean requestPrepared;
  private final @Nullable ResponseCapture outer;
  private final boolean installed;

  private ResponseCapture(@Nullable ResponseCapture outer, boolean installed) {
    this.outer = outer;
    this.installed = installed;
  }

  /** Starts capturing responses sent from this thread until {@link #close()}. */
  public static ResponseCapture open() {
    ResponseCapture c = new ResponseCapture(CURRENT.get(), true);
    CURRENT.set(c);
    return c;
  }

  /** An empty capture, tied to no thread: nothing arrived, or nothing was kept. */
  public static ResponseCapture none() {
    return new ResponseCapture(null, false);
  }

  /** One response, captured earlier and tied to no thread. */
  static ResponseCapture detached(
      int status, Headers headers, byte[] errorBody, @Nullable String type) {
    ResponseCapture c = new ResponseCapture(null, false);
    c.record(status, headers, errorBody, type);
    return c;
  }

  static @Nullable ResponseCapture current() {
    return CURRENT.get();
  }

  synchronized void record(int status, Headers headers, byte[] errorBody, @Nullable String type) {
    record(status, headers, errorBody, type, null);
  }

  synchronized void record(
      int status,
      Headers headers,
      byte[] errorBody,
      @Nullable String type,
      @Nullable RateLimitSnapshot rateLimit) {
    this.status = status;
    this.headers = headers;
    this.errorBody = errorBody;
    this.contentType = type;
    this.rateLimit = rateLimit;
  }

  /**
   * Marks this attempt's request as already rewritten by the facade (model mapped, max_tokens
   * guarded, see {@code RequestRewriteInterceptor.prepare}), so the wire rewrite leaves its body
   * alone.
   */
  public void markRequestPrepared() {
    requestPrepared = true;
  }

  boolean requestPrepared() {
    return requestPrepared;
  }

  /** The rate-limit headers of the captured response as read when it arrived; null if not read. */
  public synchronized @Nullable RateLimitSnapshot rateLimit() {
    return rateLimit;
  }

  /** 0 when no response arrived. */
  public synchronized int status() {
    return status;
  }

  public synchronized Headers headers() {
    return headers;
  }

  /** The bounded body of an error response; empty for a success. */
  public synchronized byte[] errorBody() {
    return errorBody;
  }

  public synchronized @Nullable String contentType() {
    return contentType;
  }

  @Override
  public void close() {
    if (!installed) {
      return;
    }
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }
}
