/**
 * The call layer every client shares: a call object ({@link
 * io.llmgateway.internal.call.RetryingCall}) whose one retry loop runs either on the caller's
 * thread or without holding one, and one HTTP attempt with the SDK's own timeouts, size limits and
 * cancellation. Not a public API: may change at any time.
 */
@NullMarked
package io.llmgateway.internal.call;

import org.jspecify.annotations.NullMarked;
