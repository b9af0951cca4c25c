/**
 * A stateful fake of the SaaS LiteLLM and HiveOps gateways, for tests and demos: start a {@link
 * io.llmgateway.testing.FakeGateway}, point a client at its URL, script faults, read state back.
 */
@NullMarked
package io.llmgateway.testing;

import org.jspecify.annotations.NullMarked;
