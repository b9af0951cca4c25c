/**
 * The SaaS LiteLLM job client: create jobs, make LLM calls (plain or streamed), complete jobs
 * exactly once, and read costs and credits.
 */
@NullMarked
package io.llmgateway.jobs;

import org.jspecify.annotations.NullMarked;
