package io.llmgateway.internal.call;

import io.llmgateway.internal.stream.StreamAccumulator;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.stream.StreamResult;
import okhttp3.Request;

/**
 * What one streaming endpoint's call does, written once for every call style: its request (with
 * {@code Accept: text/event-stream}), and the result of a stream that completed. Reading events,
 * the first-chunk, idle and total limits, and how a stream ends are the call layer's business.
 */
public interface StreamSpec {
  Request request(AttemptContext ctx);

  /** A fresh accumulator for one attempt (the client's provider and classifier). */
  StreamAccumulator newAccumulator();

  /** The result of a completed stream; {@code rateLimit}: the headers it opened with. */
  StreamResult result(StreamAccumulator completed, AttemptContext ctx, RateLimitSnapshot rateLimit);
}
