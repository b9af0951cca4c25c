package io.llmgateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Header-synced throttling in fixed windows: before a call, {@link #reserve} a request and an
 * estimated number of tokens; after it, {@link #observe} the response's {@code X-RateLimit-*}
 * snapshot and {@link #recordUsage} the real token count. A decision object: it never sleeps and
 * reads time only from its arguments. Thread-safe: counters live in a {@link RateLimitStore} and
 * change by one atomic {@link RateLimitChange} each.
 *
 * <p>Windows are aligned to the server's reset instant once a header gave one, else to the local
 * clock. A header that says {@code remaining=N, reset=R} makes the local window adopt {@code
 * min(local remaining, N)} and reset {@code R}, if {@code R} is within the {@linkplain
 * RateLimitConfig#resetHorizon() horizon}. A request cleared within the {@linkplain #edgeMargin()
 * edge margin} of a window's end counts against the next window too: it may reach the gateway after
 * the reset. Times are used to the millisecond.
 */
public final class RateLimiter {
  private final RateLimitConfig config;
  private final RateLimitStore store;
  private final String key;
  private final RateLimitState initial;
  private final BlindSends blindSends = new BlindSends();
  private final EdgeMargin margin;

  private RateLimiter(RateLimitConfig config, RateLimitStore store, String key) {
    this.config = Objects.requireNonNull(config, "config");
    this.store = Objects.requireNonNull(store, "store");
    this.key = Objects.requireNonNull(key, "key");
    Long requests = config.requestsPerWindow();
    Long tokens = config.tokensPerWindow();
    this.initial =
        new RateLimitState(
            requests == null ? RateWindow.UNKNOWN : RateWindow.ofLimit(requests),
            tokens == null ? RateWindow.UNKNOWN : RateWindow.ofLimit(tokens));
    this.margin = new EdgeMargin(config.edgeMargin(), config.window());
  }

  /** A limiter with its own in-memory store. */
  public static RateLimiter of(RateLimitConfig config) {
    return of(config, RateLimitStore.inMemory(), "default");
  }

  /**
   * A limiter whose counters live in {@code store} under {@code key} (one key per API key: limiters
   * that share a store and key share the window).
   */
  public static RateLimiter of(RateLimitConfig config, RateLimitStore store, String key) {
    return new RateLimiter(config, store, key);
  }

  /** Learns from headers, no static limits. */
  public static RateLimiter ofDefaults() {
    return of(RateLimitConfig.ofDefaults());
  }

  /**
   * Asks for one request and {@code tokens} estimated tokens at {@code now}. Granted: they are
   * taken. Otherwise nothing is taken and the answer says how long until the window has room: WAIT
   * (sleep, then ask again) or WOULD_EXCEED_DEADLINE when room comes after {@code deadline}.
   */
  public Reservation reserve(long tokens, Instant now, @Nullable Instant deadline) {
    long t = Math.max(0, tokens);
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    Duration period = config.window();
    Duration m = margin.current();
    RateLimitChange.Result result =
        store.apply(key, RateLimitChange.reserve(at, period, initial, t, m));
    RateLimitState s = result.state();
    if (result.applied()) {
      if (s.requests().remaining() < 0 && config.learnFromHeaders()) {
        blindSends.record(at, period);
      }
      return Reservation.granted(t, s);
    }
    Instant until = null;
    if (!s.requests().admits(1, at, m)) {
      until = s.requests().resetAt();
    }
    if (!s.tokens().admits(t, at, m)) {
      Instant r = s.tokens().resetAt();
      until = until == null || (r != null && r.isAfter(until)) ? r : until;
    }
    Duration delay = until == null ? period : Duration.between(now, until);
    if (delay.isNegative()) {
      delay = Duration.ZERO;
    }
    if (deadline != null && now.plus(delay).isAfter(deadline)) {
      return Reservation.wouldExceedDeadline(delay, t);
    }
    return Reservation.waitFor(delay, t);
  }

  /** Gives back a granted reservation that was never sent (e.g. the circuit was open). */
  public void release(Reservation reservation, Instant now) {
    if (!reservation.isGranted()) {
      return;
    }
    store.apply(
        key,
        RateLimitChange.release(
            millis(now),
            config.window(),
            initial,
            reservation.requestWindow(),
            reservation.tokenWindow(),
            reservation.tokens()));
  }

  /**
   * Corrects a reservation's token estimate with the usage the response reported: an overrun is
   * charged to the current window, an overestimate is refunded if its window is still current.
   */
  public void recordUsage(Reservation reservation, long actualTokens, Instant now) {
    long delta = actualTokens - reservation.tokens();
    if (!reservation.isGranted() || delta == 0) {
      return;
    }
    store.apply(
        key,
        RateLimitChange.usage(
            millis(now), config.window(), initial, reservation.tokenWindow(), delta));
  }

  /** Learns limits, remaining and resets from a response's headers (success or error). */
  public void observe(RateLimitSnapshot snapshot, Instant now) {
    observe(snapshot, now, null);
  }

  /**
   * Like {@link #observe(RateLimitSnapshot, Instant)} for a response that also asked the client to
   * wait {@code retryAfter} ({@code Retry-After} or {@code retry-after-ms}): a window the response
   * says is exhausted without saying when it resets then ends after that wait, not at the
   * throttle's own guess (the end of its local window, up to a whole window away).
   */
  public void observe(RateLimitSnapshot snapshot, Instant now, @Nullable Duration retryAfter) {
    if (!config.learnFromHeaders() || snapshot.isEmpty()) {
      return;
    }
    Instant at = millis(now);
    Duration period = config.window();
    Instant horizon = at.plus(config.resetHorizon());
    Long remainingRequests = snapshot.remainingRequests();
    Instant resetRequests = snapshot.resetRequests();
    Long remainingTokens = snapshot.remainingTokens();
    Instant resetTokens = snapshot.resetTokens();
    if (resetRequests != null && resetRequests.isAfter(horizon)) {
      remainingRequests = null; // a reset this far ahead is a broken header: believe neither
      resetRequests = null;
    }
    if (resetTokens != null && resetTokens.isAfter(horizon)) {
      remainingTokens = null;
      resetTokens = null;
    }
    // An exhausted window without a reset would end at the throttle's guess (its local window);
    // the server's own wait is better.
    Instant hinted = retryAfter == null || retryAfter.isNegative() ? null : at.plus(retryAfter);
    if (hinted != null && !hinted.isAfter(horizon)) {
      if (resetRequests == null && Long.valueOf(0).equals(remainingRequests)) {
        resetRequests = hinted;
      }
      if (resetTokens == null && Long.valueOf(0).equals(remainingTokens)) {
        resetTokens = hinted;
      }
    }
    RateLimitSnapshot believed =
        new RateLimitSnapshot(
            snapshot.limitRequests(),
            remainingRequests,
            resetRequests,
            snapshot.limitTokens(),
            remainingTokens,
            resetTokens);
    // Requests sent before any header told the limit count against the window being learnt.
    Instant learntWindow =
        resetRequests != null && resetRequests.isAfter(at)
            ? resetRequests
            : RateWindow.alignedEnd(at, period);
    long blind = blindSends.sentInWindowEnding(learntWindow, period);
    store.apply(key, RateLimitChange.observe(at, period, initial, believed, blind));
  }

  /**
   * One attempt took {@code latency} from being cleared to its answer: the edge margin learns from
   * it (unless the config fixes the margin).
   */
  public void observeLatency(Duration latency) {
    margin.sample(latency);
  }

  /** How long before a window's end a cleared request counts against the next window too. */
  public Duration edgeMargin() {
    return margin.current();
  }

  /** Tokens estimated from a request body of {@code bytes} bytes (bytes / 4 by default). */
  public long estimateTokens(long bytes) {
    return Math.max(0, (bytes + config.bytesPerToken() - 1) / config.bytesPerToken());
  }

  /** The windows as of {@code now}. */
  public RateLimitState state(Instant now) {
    RateLimitState s = store.get(key);
    RateLimitState base = s != null ? s : initial;
    return new RateLimitState(
        base.requests().roll(now, config.window()), base.tokens().roll(now, config.window()));
  }

  public RateLimitConfig config() {
    return config;
  }

  private static Instant millis(Instant now) {
    return now.truncatedTo(ChronoUnit.MILLIS);
  }

  @Override
  public String toString() {
    return "RateLimiter{" + config + "}";
  }
}
