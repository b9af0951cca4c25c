package io.llmgateway.ratelimit.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where and how a {@link RedisRateLimitStore} keeps shared rate windows: the Redis URL, the prefix
 * of its keys, how long an idle key lives, how long a Redis command may take before the store falls
 * back to local limiting, and how often it then probes Redis again. Immutable.
 */
public final class RedisRateLimitConfig {
  static final long DEFAULT_COMMAND_TIMEOUT_MS = 500;
  static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
  static final long DEFAULT_REPROBE_INTERVAL_MS = 1000;
  static final int DEFAULT_TIMEOUTS_BEFORE_FALLBACK = 3;

  private final String redisUrl;
  private final String keyPrefix;
  private final Duration keyTtl;
  private final Duration commandTimeout;
  private final Duration connectTimeout;
  private final Duration reprobeInterval;
  private final int timeoutsBeforeFallback;

  private RedisRateLimitConfig(Builder b) {
    this.timeoutsBeforeFallback = b.timeoutsBeforeFallback;
    this.redisUrl = Objects.requireNonNull(b.redisUrl);
    this.keyPrefix = b.keyPrefix;
    this.keyTtl = b.keyTtl;
    this.commandTimeout = b.commandTimeout;
    this.connectTimeout = b.connectTimeout;
    this.reprobeInterval = b.reprobeInterval;
  }

  /** Defaults for everything but the URL, e.g. {@code redis://10.0.0.5:6379/0}. */
  public static RedisRateLimitConfig of(String redisUrl) {
    return custom().redisUrl(redisUrl).build();
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.redisUrl = redisUrl;
    b.keyPrefix = keyPrefix;
    b.keyTtl = keyTtl;
    b.commandTimeout = commandTimeout;
    b.connectTimeout = connectTimeout;
    b.reprobeInterval = reprobeInterval;
    b.timeoutsBeforeFallback = timeoutsBeforeFallback;
    return b;
  }

  /**
   * A Lettuce URI: {@code redis://[user:password@]host[:port][/db]}, or {@code rediss://} for TLS.
   */
  public String redisUrl() {
    return redisUrl;
  }

  /** Prepended to every limiter key to make the Redis key. Default {@code llmgw:ratelimit:}. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** How long a key lives after its last write. Default 10 minutes. */
  public Duration keyTtl() {
    return keyTtl;
  }

  /**
   * The longest wait for one Redis command; that call is then limited locally. Default {@value
   * #DEFAULT_COMMAND_TIMEOUT_MS} ms (see the module README for the measurements behind it).
   */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /**
   * The longest connection set-up: TCP, TLS, the Redis handshake and a first PING. Default {@value
   * #DEFAULT_CONNECT_TIMEOUT_MS} ms.
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * While degraded, how long to limit locally before a background probe tries Redis again. Default
   * {@value #DEFAULT_REPROBE_INTERVAL_MS} ms.
   */
  public Duration reprobeInterval() {
    return reprobeInterval;
  }

  /**
   * How many commands in a row may time out before the store falls back to local limiting (a failed
   * command or connection falls back at once). Default {@value #DEFAULT_TIMEOUTS_BEFORE_FALLBACK}.
   */
  public int timeoutsBeforeFallback() {
    return timeoutsBeforeFallback;
  }

  @Override
  public String toString() {
    // The URL may carry a password: show only what is after it.
    int at = redisUrl.lastIndexOf('@');
    String shown = at < 0 ? redisUrl : "redis://***@" + redisUrl.substring(at + 1);
    return "RedisRateLimitConfig{url="
        + shown
        + ", keyPrefix="
        + keyPrefix
        + ", keyTtl="
        + keyTtl
        + ", commandTimeout="
        + commandTimeout
        + ", connectTimeout="
        + connectTimeout
        + ", reprobeInterval="
        + reprobeInterval
        + ", timeoutsBeforeFallback="
        + timeoutsBeforeFallback
        + "}";
  }

  /** Builds a {@link RedisRateLimitConfig}; values are checked in {@link #build()}. */
  public static final class Builder {
    private @Nullable String redisUrl;
    private String keyPrefix = "llmgw:ratelimit:";
    private Duration keyTtl = Duration.ofMinutes(10);
    private Duration commandTimeout = Duration.ofMillis(DEFAULT_COMMAND_TIMEOUT_MS);
    private Duration connectTimeout = Duration.ofMillis(DEFAULT_CONNECT_TIMEOUT_MS);
    private Duration reprobeInterval = Duration.ofMillis(DEFAULT_REPROBE_INTERVAL_MS);
    private int timeoutsBeforeFallback = DEFAULT_TIMEOUTS_BEFORE_FALLBACK;

    private Builder() {}

    public Builder redisUrl(String redisUrl) {
      this.redisUrl = Objects.requireNonNull(redisUrl, "redisUrl");
      return this;
    }

    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /** Keep it longer than the rate window and any reset a gateway announces. */
    public Builder keyTtl(Duration keyTtl) {
      this.keyTtl = Objects.requireNonNull(keyTtl, "keyTtl");
      return this;
    }

    public Builder commandTimeout(Duration commandTimeout) {
      this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder reprobeInterval(Duration reprobeInterval) {
      this.reprobeInterval = Objects.requireNonNull(reprobeInterval, "reprobeInterval");
      return this;
    }

    public Builder timeoutsBeforeFallback(int timeouts) {
      this.timeoutsBeforeFallback = timeouts;
      return this;
    }

    public RedisRateLimitConfig build() {
      if (redisUrl == null || redisUrl.isBlank()) {
        throw new IllegalStateException("redisUrl is required");
      }
      if (!redisUrl.startsWith("redis://")
          && !redisUrl.startsWith("rediss://")
          && !redisUrl.startsWith("redis-socket://")) {
        throw new IllegalArgumentException(
            "redisUrl must start with redis://, rediss:// or redis-socket://");
      }
      try {
        RedisURI.create(redisUrl);
      } catch (IllegalArgumentException e) {
        // Lettuce's message may quote the URL, password included: do not pass it on.
        throw new IllegalArgumentException("redisUrl is not a valid Redis URI");
      }
      if (keyPrefix.isEmpty()) {
        throw new IllegalArgumentException("keyPrefix must not be empty (keys would clash)");
      }
      if (keyTtl.toMillis() < 1000) {
        throw new IllegalArgumentException("keyTtl must be at least 1 s: " + keyTtl);
      }
      requireBetween("commandTimeout", commandTimeout, Duration.ofMillis(1), Duration.ofSeconds(5));
      requireBetween(
          "connectTimeout", connectTimeout, Duration.ofMillis(1), Duration.ofSeconds(30));
      requireBetween("reprobeInterval", reprobeInterval, Duration.ofMillis(1), Duration.ofHours(1));
      if (timeoutsBeforeFallback < 1 || timeoutsBeforeFallback > 100) {
        throw new IllegalArgumentException(
            "timeoutsBeforeFallback must be between 1 and 100: " + timeoutsBeforeFallback);
      }
      return new RedisRateLimitConfig(this);
    }

    private static void requireBetween(String name, Duration d, Duration min, Duration max) {
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            name + " must be between " + min + " and " + max + ": " + d);
      }
    }
  }
}
