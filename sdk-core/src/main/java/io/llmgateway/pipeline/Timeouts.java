package io.llmgateway.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-attempt timeouts by endpoint. The defaults follow the SaaS LiteLLM guide: create and get 10
 * s, llm-call 60 s, complete 30 s, create-and-call 60 s, streams 120 s, anything else 30 s; and a
 * connect timeout of 10 s. These govern every call, whatever the timeouts of an OkHttpClient given
 * to a client's builder. Immutable; derive a per-client variant with {@link #toBuilder()}.
 */
public final class Timeouts {
  /** The timeout for endpoints with no entry of their own. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** The timeout for streaming endpoints with no entry of their own. */
  public static final Duration DEFAULT_STREAM_TIMEOUT = Duration.ofSeconds(120);

  /** The longest wait for a TCP and TLS connection (an attempt's timeout cuts it shorter). */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final Timeouts DEFAULTS =
      new Builder()
          .timeout(Endpoint.JOBS_CREATE, Duration.ofSeconds(10))
          .timeout(Endpoint.JOBS_GET, Duration.ofSeconds(10))
          .timeout(Endpoint.JOBS_LLM_CALL, Duration.ofSeconds(60))
          .timeout(Endpoint.JOBS_COMPLETE, Duration.ofSeconds(30))
          .timeout(Endpoint.JOBS_CREATE_AND_CALL, Duration.ofSeconds(60))
          .build();

  private final Map<Endpoint, Duration> byEndpoint;
  private final Duration defaultTimeout;
  private final Duration streamTimeout;
  private final Duration connectTimeout;

  private Timeouts(Builder b) {
    this.byEndpoint = Map.copyOf(b.byEndpoint);
    this.defaultTimeout = b.defaultTimeout;
    this.streamTimeout = b.streamTimeout;
    this.connectTimeout = b.connectTimeout;
  }

  /** The SaaS LiteLLM guide's table. */
  public static Timeouts ofDefaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder custom() {
    return DEFAULTS.toBuilder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.byEndpoint.putAll(byEndpoint);
    b.defaultTimeout = defaultTimeout;
    b.streamTimeout = streamTimeout;
    b.connectTimeout = connectTimeout;
    return b;
  }

  /** The per-attempt timeout for {@code endpoint}. */
  public Duration timeoutFor(Endpoint endpoint) {
    Duration d = byEndpoint.get(endpoint);
    if (d != null) {
      return d;
    }
    return endpoint.streaming() ? streamTimeout : defaultTimeout;
  }

  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  public Duration streamTimeout() {
    return streamTimeout;
  }

  /**
   * The longest wait for a connection. This, and the per-endpoint timeouts, replace the timeouts of
   * an OkHttpClient given to a client builder: OkHttp's own read, write and call timeouts are off.
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public String toString() {
    return "Timeouts{default="
        + defaultTimeout
        + ", stream="
        + streamTimeout
        + ", connect="
        + connectTimeout
        + ", endpoints="
        + byEndpoint
        + "}";
  }

  /** Builds {@link Timeouts}; every duration must be positive. */
  public static final class Builder {
    private final Map<Endpoint, Duration> byEndpoint = new HashMap<>();
    private Duration defaultTimeout = DEFAULT_TIMEOUT;
    private Duration streamTimeout = DEFAULT_STREAM_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

    private Builder() {}

    public Builder timeout(Endpoint endpoint, Duration timeout) {
      byEndpoint.put(
          Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(timeout, "timeout"));
      return this;
    }

    public Builder defaultTimeout(Duration timeout) {
      this.defaultTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Builder streamTimeout(Duration timeout) {
      this.streamTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The longest wait for a TCP and TLS connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Timeouts build() {
      positive(connectTimeout);
      positive(defaultTimeout);
      positive(streamTimeout);
      byEndpoint.values().forEach(Builder::positive);
      return new Timeouts(this);
    }

    private static Duration positive(Duration d) {
      Objects.requireNonNull(d, "timeout");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + d);
      }
      return d;
    }
  }
}
