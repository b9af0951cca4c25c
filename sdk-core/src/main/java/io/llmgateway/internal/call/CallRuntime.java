package io.llmgateway.internal.call;

import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Sleeper;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * What every call of one client shares: its HTTP client (OkHttp's own timeouts off, see {@link
 * HttpClients}), its pipeline, its classifier, its limits. Immutable and thread-safe.
 */
public final class CallRuntime {
  /** Default largest answer read: far above any LLM answer, far below a heap's size. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

  /** Default largest server-sent event: a chunk is a few hundred bytes. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

  /** Default longest gap between two stream chunks. */
  public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final Provider provider;
  private final OkHttpClient http;
  private final ResilientExecutor executor;
  private final ErrorClassifier classifier;
  private final long maxResponseBytes;
  private final int maxEventBytes;
  private final Duration streamIdleTimeout;

  public CallRuntime(
      Provider provider,
      OkHttpClient http,
      ResilientExecutor executor,
      ErrorClassifier classifier,
      long maxResponseBytes,
      int maxEventBytes,
      Duration streamIdleTimeout) {
    this.provider = provider;
    this.http = http;
    this.executor = executor;
    this.classifier = classifier;
    this.maxResponseBytes = maxResponseBytes;
    this.maxEventBytes = maxEventBytes;
    this.streamIdleTimeout = streamIdleTimeout;
  }

  public Provider provider() {
    return provider;
  }

  public OkHttpClient http() {
    return http;
  }

  public ResilientExecutor executor() {
    return executor;
  }

  public ErrorClassifier classifier() {
    return classifier;
  }

  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  public int maxEventBytes() {
    return maxEventBytes;
  }

  public Duration streamIdleTimeout() {
    return streamIdleTimeout;
  }

  public Sleeper sleeper() {
    return executor.sleeper();
  }

  public Clock clock() {
    return executor.clock();
  }
}
