/**
 * A {@link io.llmgateway.ratelimit.RateLimitStore} kept in Redis, so that every instance of an
 * application draws from one shared rate window per gateway key, with a local fallback when Redis
 * is slow or down.
 */
@NullMarked
package io.llmgateway.ratelimit.redis;

import org.jspecify.annotations.NullMarked;
