/** The SaaS LiteLLM job API personality, in its documented and real-server modes. */
@NullMarked
package io.llmgateway.testing.saas;

import org.jspecify.annotations.NullMarked;
