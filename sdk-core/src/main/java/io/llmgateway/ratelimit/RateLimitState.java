package io.llmgateway.ratelimit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The request and token windows of one rate-limit key, as a {@link RateLimitStore} holds them. */
public final class RateLimitState {
  private final RateWindow requests;
  private final RateWindow tokens;

  public RateLimitState(RateWindow requests, RateWindow tokens) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  public RateWindow requests() {
    return requests;
  }

  public RateWindow tokens() {
    return tokens;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RateLimitState
        && ((RateLimitState) o).requests.equals(requests)
        && ((RateLimitState) o).tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return requests.hashCode() * 31 + tokens.hashCode();
  }

  @Override
  public String toString() {
    return "RateLimitState{requests " + requests + ", tokens " + tokens + "}";
  }
}
