/**
 * The guided demo and the named fault scenarios, run on the embedded fake gateway on a virtual
 * clock.
 */
@NullMarked
package io.llmgateway.cli.demo;

import org.jspecify.annotations.NullMarked;
