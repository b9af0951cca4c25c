package io.llmgateway.openai.internal;

import io.llmgateway.pipeline.Sleeper;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.ratelimit.Reservation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import okhttp3.Interceptor;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Holds drop-in {@code OpenAIClient} calls until the shared throttle has room, so code that never
 * touches the facade also stays under the limits instead of meeting 429s.
 */
public final class ThrottleInterceptor implements Interceptor {
  private final RateLimiter limiter;
  private final Clock clock;
  private final Sleeper sleeper;

  public ThrottleInterceptor(RateLimiter limiter, Clock clock, Sleeper sleeper) {
    this.limiter = limiter;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    {
      RequestBody body = chain.request().body();
      long bytes = body == null ? 0 : body.contentLength();
      long tokens = bytes > 0 ? limiter.estimateTokens(bytes) : 0;
      // Our own idea of now never falls behind the waits, so a clock that does not move cannot
      // trap the loop.
      Instant floor = clock.instant();
      while (true) {
        Instant now = clock.instant().isAfter(floor) ? clock.instant() : floor;
        Reservation r = limiter.reserve(tokens, now, null);
        if (r.isGranted()) {
          break;
        }
        try {
          sleeper.sleep(r.delay());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for the rate limit");
        }
        floor = now.plus(r.delay());
      }
    }
    return chain.proceed(chain.request());
  }
}
