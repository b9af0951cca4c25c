/** The seed: the teams, keys, credits and model aliases a fake gateway starts with. */
@NullMarked
package io.llmgateway.testing.seed;

import org.jspecify.annotations.NullMarked;
