/** Row b: the SaaS LiteLLM job client's per-call overhead against raw OkHttp plus Moshi. */
@NullMarked
package io.llmgateway.benchmarks.jobs;

import org.jspecify.annotations.NullMarked;
