package io.llmgateway.openai.internal;

import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * What the wire said for one attempt of the facade: the last response's status and headers, and an
 * error body's first bytes (the OpenAI SDK drops bodies that are not JSON). Filled by {@link
 * ResponseCaptureInterceptor} on the calling thread.
 */
public final class ResponseCapture implements AutoCloseable {
  private static final ThreadLocal<@Nullable ResponseCapture> CURRENT = new ThreadLocal<>();

  private int status;
  private Headers headers = Headers.of();
  private byte[] errorBody = new byte[0];
  private @Nullable String contentType;
  private final @Nullable ResponseCapture outer;

  private ResponseCapture(@Nullable ResponseCapture outer) {
    this.outer = outer;
  }

  /** Starts capturing responses sent from this thread until {@link #close()}. */
  public static ResponseCapture open() {
    ResponseCapture c = new ResponseCapture(CURRENT.get());
    CURRENT.set(c);
    return c;
  }

  static @Nullable ResponseCapture current() {
    return CURRENT.get();
  }

  synchronized void record(int status, Headers headers, byte[] errorBody, @Nullable String type) {
    this.status = status;
    this.headers = headers;
    this.errorBody = errorBody;
    this.contentType = type;
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
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }
}
