/**
 * A fake of the SaaS LiteLLM and HiveOps gateways for tests.
 *
 * <p>Not built yet: this module only reserves its artifact and package.
 */
@NullMarked
package io.llmgateway.testing;

import org.jspecify.annotations.NullMarked;
