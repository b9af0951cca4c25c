package io.llmgateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Header-synced throttling in fixed windows: before a call, {@link #reserve} a request and an
 * estimated number of tokens; after it, {@link #observe} the response's {@code X-RateLimit-*}
 * snapshot and {@link #recordUsage} the real token count. A decision object: it never sleeps and
 * reads time only from its arguments. Thread-safe: counters live in a {@link RateLimitStore} and
 * change by compare-and-set.
 *
 * <p>Windows are aligned to the server's reset instant once a header gave one, else to the local
 * clock. A header that says {@code remaining=N, reset=R} makes the local window adopt {@code
 * min(local remaining, N)} and reset {@code R}.
 */
public final class RateLimiter {
  private final RateLimitConfig config;
  private final RateLimitStore store;
  private final String key;
  private final RateLimitState initial;
  private final BlindSends blindSends = new BlindSends();

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
    Duration period = config.window();
    while (true) {
      RateLimitState current = store.get(key);
      RateLimitState base = current != null ? current : initial;
      RateWindow requests = base.requests().roll(now, period);
      RateWindow tokenWindow = base.tokens().roll(now, period);
      if (requests.fits(1) && tokenWindow.fits(t)) {
        RateWindow takenRequests = requests.take(1);
        RateWindow takenTokens = tokenWindow.take(t);
        if (takenRequests == base.requests() && takenTokens == base.tokens()) {
          // Unknown limits: nothing to count, so no write (for a shared store, no round trip).
          sentBlind(requests, now, period);
          return Reservation.granted(t, base);
        }
        RateLimitState next = new RateLimitState(takenRequests, takenTokens);
        if (store.compareAndSet(key, current, next)) {
          sentBlind(requests, now, period);
          return Reservation.granted(t, next);
        }
        continue;
      }
      Instant until = null;
      if (!requests.fits(1)) {
        until = requests.resetAt();
      }
      if (!tokenWindow.fits(t)) {
        Instant r = tokenWindow.resetAt();
        until = until == null || (r != null && r.isAfter(until)) ? r : until;
      }
      Duration delay = until == null ? period : Duration.between(now, until);
      if (deadline != null && now.plus(delay).isAfter(deadline)) {
        return Reservation.wouldExceedDeadline(delay, t);
      }
      return Reservation.waitFor(delay, t);
    }
  }

  /** Gives back a granted reservation that was never sent (e.g. the circuit was open). */
  public void release(Reservation reservation, Instant now) {
    if (!reservation.isGranted()) {
      return;
    }
    update(
        now,
        s -> {
          RateWindow r = s.requests();
          RateWindow t = s.tokens();
          if (Objects.equals(r.resetAt(), reservation.requestWindow())) {
            r = r.give(1);
          }
          if (Objects.equals(t.resetAt(), reservation.tokenWindow())) {
            t = t.give(reservation.tokens());
          }
          return new RateLimitState(r, t);
        });
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
    update(
        now,
        s -> {
          RateWindow t = s.tokens();
          if (delta > 0) {
            t = t.take(delta);
          } else if (Objects.equals(t.resetAt(), reservation.tokenWindow())) {
            t = t.give(-delta);
          }
          return new RateLimitState(s.requests(), t);
        });
  }

  /** Learns limits, remaining and resets from a response's headers (success or error). */
  public void observe(RateLimitSnapshot snapshot, Instant now) {
    if (!config.learnFromHeaders() || snapshot.isEmpty()) {
      return;
    }
    Duration period = config.window();
    update(
        now,
        s ->
            new RateLimitState(
                learnRequests(s.requests(), snapshot, now, period),
                s.tokens()
                    .adopt(
                        snapshot.limitTokens(),
                        snapshot.remainingTokens(),
                        snapshot.resetTokens(),
                        now,
                        period)));
  }

  private void sentBlind(RateWindow requests, Instant now, Duration period) {
    if (requests.remaining() < 0 && config.learnFromHeaders()) {
      blindSends.record(now, period);
    }
  }

  /**
   * The request window after a response's headers. The first time they make it known, the requests
   * sent blind in that window count against it: the server's remaining leaves out those it had not
   * yet received.
   */
  private RateWindow learnRequests(
      RateWindow requests, RateLimitSnapshot snapshot, Instant now, Duration period) {
    RateWindow learnt =
        requests.adopt(
            snapshot.limitRequests(),
            snapshot.remainingRequests(),
            snapshot.resetRequests(),
            now,
            period);
    Instant reset = learnt.resetAt();
    if (requests.remaining() >= 0
        || learnt.remaining() < 0
        || learnt.limit() < 0
        || reset == null) {
      return learnt;
    }
    return learnt.atMost(learnt.limit() - blindSends.sentInWindowEnding(reset, period));
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

  private void update(Instant now, UnaryOperator<RateLimitState> change) {
    Duration period = config.window();
    while (true) {
      RateLimitState current = store.get(key);
      RateLimitState base = current != null ? current : initial;
      RateLimitState rolled =
          new RateLimitState(base.requests().roll(now, period), base.tokens().roll(now, period));
      RateLimitState next = change.apply(rolled);
      if (next.requests() == base.requests() && next.tokens() == base.tokens()) {
        return; // nothing changed (e.g. unknown limits): no write
      }
      if (store.compareAndSet(key, current, next)) {
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "RateLimiter{" + config + "}";
  }
}
