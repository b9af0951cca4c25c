/**
 * HTTP plumbing of the clients: header access, server hints, error-body bounds, header logging. Not
 * a public API: may change at any time.
 */
@NullMarked
package io.llmgateway.internal.http;

import org.jspecify.annotations.NullMarked;
