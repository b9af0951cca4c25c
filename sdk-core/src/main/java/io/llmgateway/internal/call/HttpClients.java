package io.llmgateway.internal.call;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The OkHttpClient a gateway client sends with, derived from the app's (sharing its connection pool
 * and dispatcher) or made here. OkHttp's defaults are traps for LLM calls, so every client turns
 * them off the same way: no read, write or call timeout (the SDK's per-endpoint timeouts and
 * deadlines end calls, through {@code CallDeadlines}), the SDK's connect timeout, no silent retry
 * (one retry loop, and a re-sent complete would charge twice), no redirect from https to http (a
 * key must not travel in clear).
 */
public final class HttpClients {
  private HttpClients() {}

  /** {@code app}'s client (or a new one, with daemon threads) with the SDK's settings on top. */
  public static OkHttpClient.Builder derive(@Nullable OkHttpClient app, Duration connectTimeout) {
    OkHttpClient base = app != null ? app : create();
    return base.newBuilder()
        .retryOnConnectionFailure(false)
        .followSslRedirects(false)
        .connectTimeout(connectTimeout)
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .callTimeout(Duration.ZERO);
  }

  /**
   * A client of the SDK's own. Its dispatcher's threads are daemons (OkHttp's are not, and keep a
   * JVM alive a minute after {@code main} returns when the app forgets {@code close()}), and it
   * lets as many calls run per host as in all: a gateway is one host.
   */
  public static OkHttpClient create() {
    ThreadPoolExecutor threads =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            AsyncEnv.daemon("llmgw-okhttp"));
    Dispatcher dispatcher = new Dispatcher(threads);
    dispatcher.setMaxRequestsPerHost(dispatcher.getMaxRequests());
    return new OkHttpClient.Builder().dispatcher(dispatcher).build();
  }
}
