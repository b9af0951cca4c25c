/** A JUnit 5 extension that gives each test a fresh fake gateway. */
@NullMarked
package io.llmgateway.testing.junit;

import org.jspecify.annotations.NullMarked;
