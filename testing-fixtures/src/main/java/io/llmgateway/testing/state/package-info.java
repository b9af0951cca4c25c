/** Immutable snapshots of the fake gateway's state and of the requests it received. */
@NullMarked
package io.llmgateway.testing.state;

import org.jspecify.annotations.NullMarked;
