package io.llmgateway.openai.internal;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Binds a non-blocking facade attempt ({@link CallScope}) to the OkHttp thread that sends it: while
 * its request goes down the chain, the scope's {@link ResponseCapture} is that thread's current
 * one, so {@link ThrottleInterceptor} lets it through (the loop reserved its slot) and {@link
 * ResponseCaptureInterceptor} records it, exactly as for a blocking attempt. Must come before both.
 * Requests without the header pass untouched.
 */
public final class CallScopeInterceptor implements Interceptor {
  private final ConcurrentHashMap<String, CallScope> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** A scope for one attempt; send its {@link CallScope#id()} in {@link CallScope#HEADER}. */
  public CallScope open() {
    return open(false);
  }

  /**
   * A scope for one attempt whose params the facade rewrote already ({@code
   * RequestRewriteInterceptor.prepare}) when {@code requestPrepared}.
   */
  public CallScope open(boolean requestPrepared) {
    CallScope scope = new CallScope(Long.toString(ids.incrementAndGet()), this, requestPrepared);
    pending.put(scope.id(), scope);
    return scope;
  }

  void forget(String id) {
    pending.remove(id);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String id = request.header(CallScope.HEADER);
    if (id == null) {
      return chain.proceed(request);
    }
    CallScope scope = pending.remove(id);
    if (scope == null) {
      // Cancelled or answered before its request got here: it must not go out any more.
      throw new IOException("Canceled");
    }
    try (ResponseCapture capture = ResponseCapture.open()) {
      if (scope.requestPrepared()) {
        capture.markRequestPrepared();
      }
      scope.started(chain.call(), capture);
      return chain.proceed(request.newBuilder().removeHeader(CallScope.HEADER).build());
    }
  }
}
