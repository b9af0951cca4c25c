/** Implementation details of the fake gateway; not API, may change in any release. */
@NullMarked
package io.llmgateway.testing.internal;

import org.jspecify.annotations.NullMarked;
