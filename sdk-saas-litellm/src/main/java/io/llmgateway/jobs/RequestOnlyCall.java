package io.llmgateway.jobs;

import okhttp3.Call;
import okhttp3.Request;
import okio.Timeout;

/**
 * What Retrofit's call factory hands back for {@link JobsRoutes}: the request, and nothing that
 * sends it. Our pipeline sends every attempt itself (retries, timeouts, breaker, throttle), so an
 * OkHttp call made here would be thrown away on every attempt.
 */
final class RequestOnlyCall implements Call {

  private final Request request;

  RequestOnlyCall(Request request) {
    this.request = request;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public okhttp3.Response execute() {
    throw new UnsupportedOperationException("the pipeline sends job requests");
  }

  @Override
  public void enqueue(okhttp3.Callback responseCallback) {
    throw new UnsupportedOperationException("the pipeline sends job requests");
  }

  @Override
  public void cancel() {}

  @Override
  public boolean isExecuted() {
    return false;
  }

  @Override
  public boolean isCanceled() {
    return false;
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public Call clone() {
    return new RequestOnlyCall(request);
  }
}
