/** The standalone server: {@code java -jar testing-fixtures-*-standalone.jar --port P}. */
@NullMarked
package io.llmgateway.testing.standalone;

import org.jspecify.annotations.NullMarked;
