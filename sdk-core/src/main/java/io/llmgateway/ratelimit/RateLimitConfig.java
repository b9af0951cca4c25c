package io.llmgateway.ratelimit;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Limits for a {@link RateLimiter}: static requests and tokens per window for gateways that send no
 * headers, and whether to learn limits from {@code X-RateLimit-*} headers. Immutable.
 */
public final class RateLimitConfig {
  private static final RateLimitConfig HEADERS_ONLY = custom().build();
  private static final RateLimitConfig HIVEOPS =
      custom().requestsPerWindow(60).tokensPerWindow(150_000).window(Duration.ofMinutes(1)).build();

  private final Duration window;
  private final @Nullable Long requestsPerWindow;
  private final @Nullable Long tokensPerWindow;
  private final boolean learnFromHeaders;
  private final int bytesPerToken;
  private final @Nullable Duration edgeMargin;
  private final @Nullable Duration resetHorizon;

  private RateLimitConfig(Builder b) {
    this.edgeMargin = b.edgeMargin;
    this.resetHorizon = b.resetHorizon;
    this.window = b.window;
    this.requestsPerWindow = b.requestsPerWindow;
    this.tokensPerWindow = b.tokensPerWindow;
    this.learnFromHeaders = b.learnFromHeaders;
    this.bytesPerToken = b.bytesPerToken;
  }

  /** No static limits; learns them from response headers. The SDK default. */
  public static RateLimitConfig ofDefaults() {
    return HEADERS_ONLY;
  }

  /** HiveOps' documented limits: 60 requests and 150,000 tokens per minute, plus headers. */
  public static RateLimitConfig hiveOps() {
    return HIVEOPS;
  }

  /** Never throttles: no static limits, headers ignored. */
  public static RateLimitConfig unlimited() {
    return custom().learnFromHeaders(false).build();
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.window = window;
    b.requestsPerWindow = requestsPerWindow;
    b.tokensPerWindow = tokensPerWindow;
    b.learnFromHeaders = learnFromHeaders;
    b.bytesPerToken = bytesPerToken;
    b.edgeMargin = edgeMargin;
    b.resetHorizon = resetHorizon;
    return b;
  }

  /** The length of one fixed window. Default one minute. */
  public Duration window() {
    return window;
  }

  public @Nullable Long requestsPerWindow() {
    return requestsPerWindow;
  }

  public @Nullable Long tokensPerWindow() {
    return tokensPerWindow;
  }

  public boolean learnFromHeaders() {
    return learnFromHeaders;
  }

  /** Request bytes per estimated token (default 4). */
  public int bytesPerToken() {
    return bytesPerToken;
  }

  /**
   * A fixed edge margin, or null (the default) to learn it: 50 ms plus the fastest of this
   * process's last 32 attempts (cleared to answered), at most a tenth of the window. A request
   * cleared within the margin of a window's end is charged to the next window too, since it may
   * reach the gateway after the reset.
   */
  public @Nullable Duration edgeMargin() {
    return edgeMargin;
  }

  /**
   * How far ahead a reset announced by a gateway is believed: further, the window's remaining and
   * reset from that response are ignored (the retry policy's backoff decides instead). Default
   * three windows.
   */
  public Duration resetHorizon() {
    return resetHorizon != null ? resetHorizon : window.multipliedBy(3);
  }

  @Override
  public String toString() {
    return "RateLimitConfig{window="
        + window
        + ", requests="
        + requestsPerWindow
        + ", tokens="
        + tokensPerWindow
        + ", learnFromHeaders="
        + learnFromHeaders
        + ", edgeMargin="
        + (edgeMargin != null ? edgeMargin : "learnt")
        + ", resetHorizon="
        + resetHorizon()
        + "}";
  }

  /** Builds a {@link RateLimitConfig}; values are checked in {@link #build()}. */
  public static final class Builder {
    private Duration window = Duration.ofMinutes(1);
    private @Nullable Long requestsPerWindow;
    private @Nullable Long tokensPerWindow;
    private boolean learnFromHeaders = true;
    private int bytesPerToken = 4;
    private @Nullable Duration edgeMargin;
    private @Nullable Duration resetHorizon;

    private Builder() {}

    public Builder window(Duration window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    public Builder requestsPerWindow(long requests) {
      this.requestsPerWindow = requests;
      return this;
    }

    public Builder tokensPerWindow(long tokens) {
      this.tokensPerWindow = tokens;
      return this;
    }

    public Builder learnFromHeaders(boolean learn) {
      this.learnFromHeaders = learn;
      return this;
    }

    public Builder bytesPerToken(int bytesPerToken) {
      this.bytesPerToken = bytesPerToken;
      return this;
    }

    /** A fixed edge margin ({@link Duration#ZERO}: none); by default it is learnt. */
    public Builder edgeMargin(Duration margin) {
      this.edgeMargin = Objects.requireNonNull(margin, "margin");
      return this;
    }

    /** How far ahead a gateway's reset is believed (default three windows). */
    public Builder resetHorizon(Duration horizon) {
      this.resetHorizon = Objects.requireNonNull(horizon, "horizon");
      return this;
    }

    public RateLimitConfig build() {
      if (edgeMargin != null && (edgeMargin.isNegative() || edgeMargin.compareTo(window) >= 0)) {
        throw new IllegalArgumentException("edgeMargin must be >= 0 and below the window");
      }
      if (resetHorizon != null && resetHorizon.compareTo(window) < 0) {
        throw new IllegalArgumentException("resetHorizon must be at least one window");
      }
      if (window.toMillis() < 1) {
        throw new IllegalArgumentException("window must be at least 1 ms: " + window);
      }
      if ((requestsPerWindow != null && requestsPerWindow < 1)
          || (tokensPerWindow != null && tokensPerWindow < 1)) {
        throw new IllegalArgumentException("limits must be positive");
      }
      if (bytesPerToken < 1) {
        throw new IllegalArgumentException("bytesPerToken must be >= 1");
      }
      return new RateLimitConfig(this);
    }
  }
}
