/**
 * The HiveOps calls the CLI makes: model mapping, prices and one chat call per attempt through
 * sdk-core's resilient executor.
 */
@NullMarked
package io.llmgateway.cli.hiveops;

import org.jspecify.annotations.NullMarked;
