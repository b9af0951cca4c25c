package io.llmgateway.openai.internal;

import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * One non-blocking attempt of the facade, found again on OkHttp's thread through the request header
 * {@link #HEADER}: what the wire said for it, and its OkHttp call, so that cancelling the attempt
 * cancels the HTTP call. The OpenAI SDK's futures do not pass a cancellation on to OkHttp, and a
 * thread-bound {@link ResponseCapture} does not follow a call onto OkHttp's threads: this does
 * both. The header never leaves the process ({@link CallScopeInterceptor} strips it).
 */
public final class CallScope {
  /** Carries the scope's id from the OpenAI SDK's request to {@link CallScopeInterceptor}. */
  public static final String HEADER = "X-Llmgw-Call-Scope";

  private final String id;
  private final CallScopeInterceptor owner;
  private final boolean requestPrepared;
  private @Nullable ResponseCapture capture;
  private @Nullable Call call;
  private boolean cancelled;

  CallScope(String id, CallScopeInterceptor owner, boolean requestPrepared) {
    this.id = id;
    this.owner = owner;
    this.requestPrepared = requestPrepared;
  }

  /** Whether the facade rewrote this attempt's params already (see {@link ResponseCapture}). */
  boolean requestPrepared() {
    return requestPrepared;
  }

  /** The value to send in {@link #HEADER}. */
  public String id() {
    return id;
  }

  /** What the wire said for this attempt; empty (status 0) until a response arrived. */
  public ResponseCapture capture() {
    ResponseCapture c;
    synchronized (this) {
      c = capture;
    }
    if (c != null) {
      return c;
    }
    // No request went out: an empty capture, opened and closed at once so no thread keeps it.
    try (ResponseCapture empty = ResponseCapture.open()) {
      return empty;
    }
  }

  /** Cancels the HTTP call, now if it runs, or as soon as it starts. Safe to call again. */
  public void cancel() {
    Call running;
    synchronized (this) {
      cancelled = true;
      running = call;
    }
    owner.forget(id);
    if (running != null) {
      running.cancel();
    }
  }

  /** The attempt has its answer: its request can no longer start. */
  public void close() {
    owner.forget(id);
  }

  void started(Call started, ResponseCapture filledBy) {
    boolean cancelNow;
    synchronized (this) {
      call = started;
      capture = filledBy;
      cancelNow = cancelled;
    }
    if (cancelNow) {
      started.cancel();
    }
  }
}
