/** Rate-limit state as the gateways report it in {@code X-RateLimit-*} headers. */
@NullMarked
package io.llmgateway.ratelimit;

import org.jspecify.annotations.NullMarked;
